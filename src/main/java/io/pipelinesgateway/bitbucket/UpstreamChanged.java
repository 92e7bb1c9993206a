package io.pipelinesgateway.bitbucket;

/**
 * A change the gateway made through Bitbucket's API succeeded (a run, a stop, a variable): published as a Spring
 * application event, so that what watches that part of Bitbucket (the status watcher) can look again at once
 * instead of at its next poll, without the client knowing who listens.
 *
 * @param request the change's request; its path says what changed
 */
public record UpstreamChanged(UpstreamRequest request) {
}
