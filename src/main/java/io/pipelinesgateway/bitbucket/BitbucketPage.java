package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of a Bitbucket listing. {@code next} is not trusted (see the API README): clients page by number against {@code size}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketPage<T>(List<T> values, Integer page, Integer pagelen, Integer size, String next) {

    /**
     * Whether this page, number {@code number} of pages of {@code length} items, is its listing's last: a short page
     * is, and Bitbucket's size, when it sends one, says so earlier.
     */
    public boolean isLast(int number, int length) {
        return values.size() < length || (size != null && (long) number * length >= size);
    }
}
