package io.pipelinesgateway.cache;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential's own listing of a workspace's repositories proves its access to them, and says which repositories a
 * dashboard shows. While unchanged it is kept longer each time it is read again, past {@code live-stable-max}, up to
 * four fifths of the access window: as long as the proof its read renewed lasts, so that it is read again before the
 * proof ends. Here the list time is 500 ms, {@code live-stable-max} 600 ms and the access window 4 s, so the
 * listing's time goes 0.5 s, 1 s, 2 s, then 3.2 s where doubling would give 4 s. Each view comes 300 ms or more
 * from an entry's end, whichever of the three bounds held.
 */
class ARepositoryListingIsAskedAgainWithinTheAccessWindowTest extends GatewayTest {

    private static final String LISTING = "{ workspace(slug: \"acme\") { repositories { nodes { slug } } } }";

    /** When the first view began, in {@link System#nanoTime()}. */
    private long first;
    /** The listing's reads for the other credential's view, made first. */
    private int warmUp;

    @DynamicPropertySource
    static void shortLifetimes(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.cache.list", () -> "500ms");
        registry.add("gateway.cache.live-stable-max", () -> "600ms");
        registry.add("gateway.cache.shared-access-window", () -> "4s");
    }

    @Test
    void anUnchangedListingIsKeptPastTheLiveBoundAndReadAgainBeforeItsProofOfAccessEnds() throws InterruptedException {
        given("workspace-acme.json");
        given("repositories-acme.json");
        String caller = "Bearer listing-" + System.nanoTime();
        // Another credential's view first, so that the timed views do not wait for a new server's first answer.
        first = System.nanoTime();
        view("Bearer warm-up-" + System.nanoTime(), 0);
        warmUp = listingReads();

        first = System.nanoTime();
        view(caller, 0);
        view(caller, 1200);
        view(caller, 2500);
        assertThat(listingReads()).as("asked past 0.5 s, then past 1 s").isEqualTo(3);
        view(caller, 3800);
        assertThat(listingReads()).as("kept for 2 s, past live-stable-max's 600 ms").isEqualTo(3);
        view(caller, 4800);
        assertThat(listingReads()).as("asked past 2 s").isEqualTo(4);
        view(caller, 8400);

        assertThat(listingReads()).as("kept 3.2 s, four fifths of the window, not the 4 s doubling gives")
                .isEqualTo(5);
    }

    /** The listing viewed by {@code caller} {@code atMs} after the first view. */
    private void view(String caller, long atMs) throws InterruptedException {
        Thread.sleep(Math.max(0, atMs - (System.nanoTime() - first) / 1_000_000));
        graphQl(caller).document(LISTING).execute().path("workspace.repositories.nodes[0].slug")
                .entity(String.class).isEqualTo("api");
    }

    private int listingReads() {
        return bitbucket.findAll(getOf("/repositories/acme")).size() - warmUp;
    }
}
