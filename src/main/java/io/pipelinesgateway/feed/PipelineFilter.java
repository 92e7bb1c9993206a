package io.pipelinesgateway.feed;

import java.time.OffsetDateTime;
import java.util.List;

import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineStatus;
import io.pipelinesgateway.repository.Repository;

/**
 * Which pipelines a cross-repository question is about: the schema's {@code PipelineFilter}. Empty lists select
 * everything; the feed and the insights read the same scope with it.
 *
 * @param repositories slugs ({@code api}), full names ({@code acme/api}) or UUIDs in braces
 * @param createdAfter exclusive lower bound of {@code createdOn}
 * @param createdBefore exclusive upper bound of {@code createdOn}
 */
public record PipelineFilter(List<String> workspaces, List<String> repositories, List<PipelineStatus> statuses,
        List<String> branches, List<String> triggers, OffsetDateTime createdAfter, OffsetDateTime createdBefore) {

    public PipelineFilter {
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        branches = branches == null ? List.of() : List.copyOf(branches);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /** No filter: every pipeline of the default workspaces. */
    public static PipelineFilter none() {
        return new PipelineFilter(null, null, null, null, null, null, null);
    }

    /** This filter with other bounds of {@code createdOn}: the insights' window replaces the filter's own. */
    public PipelineFilter createdBetween(OffsetDateTime after, OffsetDateTime before) {
        return new PipelineFilter(workspaces, repositories, statuses, branches, triggers, after, before);
    }

    /** Whether a repository of the selected workspaces is selected. */
    boolean selects(Repository repository) {
        return repositories.isEmpty() || repositories.stream().anyMatch(named -> names(named, repository));
    }

    /**
     * Whether an entry of {@code repositories} names a repository: by its slug, its full name, or its UUID in braces
     * (as Bitbucket takes it in a path), so a repository has one name in the answer whichever way it was named.
     */
    static boolean names(String named, Repository repository) {
        return named.equals(repository.slug()) || named.equals(repository.fullName())
                || named.equals(repository.uuid());
    }

    /**
     * Whether a pipeline passes the filters the gateway applies itself: Bitbucket filters by status only, and not
     * exactly (RUNNING is sent as IN_PROGRESS), so status is checked again here. A pipeline without a value (a tag
     * build or a commit's custom pipeline has no branch) passes only the filters that do not ask for one.
     */
    boolean keeps(Pipeline pipeline) {
        if (!statuses.isEmpty() && !holds(statuses, pipeline.status())) {
            return false;
        }
        if (!branches.isEmpty() && (pipeline.target() == null || !holds(branches, pipeline.target().branch()))) {
            return false;
        }
        return triggers.isEmpty() || (pipeline.trigger() != null && holds(triggers, pipeline.trigger().kind()));
    }

    /** {@code values.contains(value)} that answers false for null: an immutable list's {@code contains} throws. */
    private static <T> boolean holds(List<T> values, T value) {
        return value != null && values.contains(value);
    }

    /** Whether a pipeline is older than the window's start, so everything after it in newest-first order is too. */
    boolean isBefore(Pipeline pipeline) {
        return createdAfter != null && pipeline.createdOn() != null && !pipeline.createdOn().isAfter(createdAfter);
    }

    /** Whether a pipeline was created at or after {@code createdBefore}. */
    boolean isAfterWindow(Pipeline pipeline) {
        return createdBefore != null && (pipeline.createdOn() == null
                || !pipeline.createdOn().isBefore(createdBefore));
    }
}
