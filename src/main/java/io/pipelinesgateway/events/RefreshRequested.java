package io.pipelinesgateway.events;

/**
 * Asks whichever replica watches the repository to look at it now rather than at its next poll: sent when a verified
 * webhook says something changed there.
 *
 * @param reason what prompted it, for logs (e.g. the webhook's event key)
 */
public record RefreshRequested(String workspace, String repository, String reason) implements WatchEvent {
}
