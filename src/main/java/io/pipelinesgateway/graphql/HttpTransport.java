package io.pipelinesgateway.graphql;

/**
 * How a GraphQL request came over HTTP, noted in its GraphQL context under {@link #CONTEXT_KEY} so that
 * {@link OperationFitsTheTransport} can refuse an operation the transport cannot carry before any of it runs.
 * Streams (Server-Sent Events, WebSocket) carry every operation and are not noted.
 */
enum HttpTransport {

    /** {@code GET /graphql}: may be repeated, prefetched and cached on the way, so it only reads. */
    GET,
    /** {@code POST /graphql} answered with one JSON document, which cannot hold a subscription's events. */
    POST;

    static final String CONTEXT_KEY = HttpTransport.class.getName();
}
