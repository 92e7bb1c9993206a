package io.pipelinesgateway.bitbucket;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Pipelines variables at every level ({@link VariableLevel}), as the gateway uses them: the list, one, and creating,
 * changing and deleting one. A level and its coordinates (in path order) locate the variables.
 */
@Component
public class VariableEndpoints {

    private final BitbucketClient client;
    private final Listings listings;

    VariableEndpoints(BitbucketClient client, Listings listings) {
        this.client = client;
        this.listings = listings;
    }

    /** The variables of a level. */
    public Listing<BitbucketVariable> variables(VariableLevel level, List<String> coordinates) {
        return variables(level, coordinates, Read.CACHED);
    }

    /** The variables of a level, read as {@code how}: {@link Read#LIVE} for a change that depends on them. */
    public Listing<BitbucketVariable> variables(VariableLevel level, List<String> coordinates, Read how) {
        return new Listing<>(listings, level.list(coordinates).read(how), BitbucketVariable.class);
    }

    /** One variable by its UUID, where the level {@linkplain VariableLevel#readsOne() reads one}. */
    public Mono<BitbucketVariable> variable(VariableLevel level, List<String> coordinates, String uuid) {
        return variable(level, coordinates, uuid, Read.CACHED);
    }

    /** One variable by its UUID, read as {@code how}: {@link Read#LIVE} for a change that depends on it. */
    public Mono<BitbucketVariable> variable(VariableLevel level, List<String> coordinates, String uuid, Read how) {
        return client.get(level.item(coordinates, uuid).read(how), BitbucketVariable.class);
    }

    /** Creates a variable; Bitbucket answers with it. */
    public Mono<BitbucketVariable> create(VariableLevel level, List<String> coordinates, BitbucketVariable variable) {
        return client.send(HttpMethod.POST, level.list(coordinates), variable, BitbucketVariable.class);
    }

    /** Changes a variable; Bitbucket answers with it. */
    public Mono<BitbucketVariable> update(VariableLevel level, List<String> coordinates, String uuid,
            BitbucketVariable variable) {
        return client.send(HttpMethod.PUT, level.item(coordinates, uuid), variable, BitbucketVariable.class);
    }

    /** Deletes a variable. */
    public Mono<Void> delete(VariableLevel level, List<String> coordinates, String uuid) {
        return client.send(HttpMethod.DELETE, level.item(coordinates, uuid), null, Void.class);
    }
}
