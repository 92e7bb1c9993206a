package io.pipelinesgateway.bitbucket;

import java.util.List;

/**
 * A run of items taken from a paginated Bitbucket listing, for a Relay connection.
 *
 * @param items      the items, each with its index in the upstream listing (its cursor)
 * @param nextOffset the upstream index to continue from
 * @param hasMore    whether the listing holds more items the filter may keep
 * @param total      the number of items upstream, when it is known for the filtered listing; null otherwise
 * @param listed     the listing's size as Bitbucket gave it, whatever the gateway's filter; null when it gave none
 */
public record Window<T>(List<Indexed<T>> items, long nextOffset, boolean hasMore, Integer total, Integer listed) {

    /** An item and its index in the upstream listing. */
    public record Indexed<T>(long index, T item) {
    }
}
