package io.pipelinesgateway.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of upstream data is kept, and who it is served to. Where it is kept (Redis or this process), and
 * how Redis is asked, is {@code io.pipelinesgateway.redis}'s.
 *
 * @param enabled           turns the response cache off entirely (every read goes upstream)
 * @param keySecret         the key of the HMAC that scopes entries to a credential; set the same value on every
 *                          replica that shares a Redis, or each replica keeps its own entries. Empty: a random key per
 *                          process
 * @param completed         data that never changes again: completed pipelines and steps, logs of completed steps,
 *                          test reports; and the steps of a pipeline seen waiting, kept under what it was seen as
 * @param live              unfinished pipelines and steps
 * @param list              lists, whose membership changes as pipelines run
 * @param configuration     configuration entities: workspaces, repositories, variables, OIDC
 * @param lockTimeout       how long a replica waits for another replica's identical upstream call (the same
 *                          credential's, or another reader's of a shared entry) before making its own; it stops
 *                          waiting as soon as the other lets go without an answer to share
 * @param maxEntries        the in-process cache's size bound
 * @param decodedBytes      how much immutable data (by the size of its JSON) each process also keeps decoded
 * @param shared            keeps what is read below a repository's {@code pipelines/} once per repository as well:
 *                          completed pipeline data (completed pipelines and steps, their logs, test reports, test
 *                          cases and reasons, and their absence) and live data (the pipelines listing's pages,
 *                          unfinished pipelines and their steps), each for its own time, and serves it to every
 *                          caller who has proven read access to that repository; off, each credential fetches its
 *                          own copy
 * @param sharedAccessWindow how long a credential's successful read of a repository, or a page of its own listing of
 *                          the workspace's repositories that names it, counts as proof that it may read that
 *                          repository's shared data; a 401, 403 or 404 for the repository ends it at once. A replica
 *                          writes a proof again at most once a fifth of this, so it lasts at least four fifths of it
 *                          after the latest successful read. A credential's own listing of a workspace's
 *                          repositories, kept longer while unchanged, is kept at most those four fifths: read again
 *                          before its proof ends, so Bitbucket is asked what the credential may read at least that
 *                          often. A longer window saves calls and lets a caller who lost access read shared data,
 *                          and see its listing, that much longer
 * @param sharedScopeWindow how long a credential's successful read below any repository's {@code pipelines/} counts
 *                          as proof that its token may read pipelines at all (Bitbucket's {@code read:pipeline} scope,
 *                          which a token without it is refused with 403 however it may read the repository): shared
 *                          data is served only with this proof and the repository's own. A token keeps its scopes as
 *                          long as it lives; a 401, or a 403 below {@code pipelines/}, ends the proof at once
 * @param listWithWebhooks  a page of a repository's pipelines listing that shows only completed pipelines or ones
 *                          paused before a manual step, while the repository's webhooks are seen
 *                          ({@code gateway.webhooks.seen-window}): each delivery evicts it (Bitbucket delivers when a
 *                          run starts, pauses for a person, goes on or ends), so it is fresh without the short
 *                          {@code list} time
 * @param liveStableMax     how long live data of a repository's pipelines (a listing page kept for {@code list}: one
 *                          showing pipelines that run, wait for a runner or are halted, or any of a repository whose
 *                          webhooks are not seen; an
 *                          unfinished pipeline or step, a steps list with unfinished steps, a running step's missing
 *                          test report, test cases or log) may be kept once it stays unchanged: each time it is
 *                          read again unchanged (a running pipeline's or step's counters aside, which Bitbucket
 *                          counts up on every read) its time doubles, from {@code live} or {@code list}, up to this
 *                          bound (a listing of a repository whose webhooks are seen up to {@code list-with-webhooks});
 *                          a change starts it again at the base time, and an eviction (a delivery, a change, the
 *                          watcher) forgets it
 */
@ConfigurationProperties("gateway.cache")
public record ResponseCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String keySecret,
        @DefaultValue("24h") Duration completed,
        @DefaultValue("5s") Duration live,
        @DefaultValue("15s") Duration list,
        @DefaultValue("60s") Duration configuration,
        @DefaultValue("5s") Duration lockTimeout,
        @DefaultValue("50000") long maxEntries,
        @DefaultValue("67108864") long decodedBytes,
        @DefaultValue("true") boolean shared,
        @DefaultValue("5m") Duration sharedAccessWindow,
        @DefaultValue("24h") Duration sharedScopeWindow,
        @DefaultValue("10m") Duration listWithWebhooks,
        @DefaultValue("2m") Duration liveStableMax) {

    /** How many times in {@link #sharedAccessWindow} a replica writes a credential's proof of access at the most. */
    private static final int PROOF_RENEWALS_PER_WINDOW = 5;

    /** How long a replica goes at least before writing a credential's proof of access again. */
    public Duration proofRenewalInterval() {
        return sharedAccessWindow.dividedBy(PROOF_RENEWALS_PER_WINDOW);
    }

    /** How long a proof of access lasts at least after the latest successful read that renewed it. */
    public Duration accessProvenFor() {
        return sharedAccessWindow.minus(proofRenewalInterval());
    }
}
