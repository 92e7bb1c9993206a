package io.pipelinesgateway.ssh;

/** A repository's SSH key pair as the schema shows it: the public key only, since the private key is write-only. */
record SshKeyPair(String publicKey) {
}
