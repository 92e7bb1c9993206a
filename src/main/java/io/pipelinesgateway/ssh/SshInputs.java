package io.pipelinesgateway.ssh;

import io.pipelinesgateway.bitbucket.BitbucketKnownHost;
import io.pipelinesgateway.bitbucket.BitbucketSshKeyPair;
import io.pipelinesgateway.bitbucket.BitbucketSshPublicKey;
import io.pipelinesgateway.graphql.Inputs;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryKey;

/**
 * The inputs of the SSH mutations, checked and turned into Bitbucket's bodies before any call. The private key is a
 * secret: {@code toString} never shows it.
 */
final class SshInputs {

    private SshInputs() {
    }

    /** Input of {@code setSshKeyPair}. */
    record SetKeyPair(String workspace, String repository, String privateKey, String publicKey) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        BitbucketSshKeyPair body() {
            return new BitbucketSshKeyPair("pipeline_ssh_key_pair", Inputs.nonBlank(privateKey, "input.privateKey"),
                    Inputs.nonBlank(publicKey, "input.publicKey"));
        }

        @Override
        public String toString() {
            return "SetSshKeyPairInput[workspace=" + workspace + ", repository=" + repository
                    + ", privateKey=[redacted], publicKey=" + publicKey + "]";
        }
    }

    /** Input of {@code deleteSshKeyPair}. */
    record DeleteKeyPair(String workspace, String repository) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }
    }

    /** A known host's public key as given. */
    record PublicKey(String keyType, String key) {

        BitbucketSshPublicKey toKey() {
            return new BitbucketSshPublicKey("pipeline_ssh_public_key",
                    Inputs.nonBlank(keyType, "input.publicKey.keyType"), Inputs.nonBlank(key, "input.publicKey.key"),
                    null, null);
        }
    }

    /** Input of {@code createKnownHost}. */
    record CreateKnownHost(String workspace, String repository, String hostname, PublicKey publicKey) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        BitbucketKnownHost body() {
            return new BitbucketKnownHost("pipeline_known_host", null, Inputs.nonBlank(hostname, "input.hostname"),
                    publicKey.toKey());
        }
    }

    /** Input of {@code updateKnownHost}: the host's name and key, replacing both. */
    record UpdateKnownHost(String id, String hostname, PublicKey publicKey) {

        RepositoryItem knownHost() {
            return located(id);
        }

        BitbucketKnownHost body(RepositoryItem knownHost) {
            return new BitbucketKnownHost("pipeline_known_host", knownHost.uuid(),
                    Inputs.nonBlank(hostname, "input.hostname"), publicKey.toKey());
        }
    }

    /** Input of {@code deleteKnownHost}. */
    record DeleteKnownHost(String id) {

        RepositoryItem knownHost() {
            return located(id);
        }
    }

    private static RepositoryItem located(String id) {
        return KnownHostNodeType.ID.decodeInput(id, "input.id");
    }
}
