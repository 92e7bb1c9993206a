package io.pipelinesgateway.repository;

/** Locates a repository: its workspace's slug and its own. */
public record RepositoryKey(String workspace, String slug) {
}
