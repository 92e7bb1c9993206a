package io.pipelinesgateway.sandbox;

/**
 * A Bitbucket user as the sandbox knows it: the built-in sandbox user and the colleagues who trigger its pipelines.
 */
record Account(String uuid, String accountId, String nickname, String displayName) {
}
