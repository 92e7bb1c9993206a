package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A pipeline variable: configured at some level, passed to one run, or sent to create or change one. A secured one
 * never carries its value back; the value it is sent with never appears in {@link #toString()}, so no log line can
 * hold it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketVariable(String type, String uuid, String key, String value, Boolean secured) {

    @Override
    public String toString() {
        return "BitbucketVariable[type=" + type + ", uuid=" + uuid + ", key=" + key + ", value=[redacted], secured="
                + secured + "]";
    }
}
