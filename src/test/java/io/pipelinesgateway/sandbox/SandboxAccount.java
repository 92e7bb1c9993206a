package io.pipelinesgateway.sandbox;

/**
 * A Bitbucket user as the sandbox knows it: the built-in sandbox user and the colleagues who trigger its pipelines.
 */
record SandboxAccount(String uuid, String accountId, String nickname, String displayName) {
}
