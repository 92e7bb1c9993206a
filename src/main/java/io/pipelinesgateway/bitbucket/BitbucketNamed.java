package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A discriminated object that carries a name, such as a state's stage or result, or a trigger. A STOPPED result also
 * names who stopped the pipeline ({@code terminator}); other objects have none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketNamed(String type, String name, BitbucketAccount terminator) {

    /** A named object without a terminator: a stage, a trigger, or a result nobody stopped. */
    public BitbucketNamed(String type, String name) {
        this(type, name, null);
    }
}
