package io.pipelinesgateway.bitbucket;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page length is learned from, per resource, and what teaches nothing. */
class PageLengthsTest {

    private final PageLengths lengths = new PageLengths();

    @Test
    void aFullPageServedShorterThanAskedWithMoreAfterItTeachesTheLengthServed() {
        assertThat(lengths.servedShorter(UpstreamResource.REPOSITORIES, 1, 100, page(10, 10, 25))).isTrue();

        assertThat(lengths.of(UpstreamResource.REPOSITORIES)).isEqualTo(10);
        assertThat(lengths.of(UpstreamResource.PIPELINES)).as("another resource").isEqualTo(100);
    }

    @Test
    void aListingsLastPageTeachesNothingWhateverLengthItSays() {
        assertThat(lengths.servedShorter(UpstreamResource.REPOSITORIES, 1, 100, page(7, 7, 7))).isFalse();
        assertThat(lengths.servedShorter(UpstreamResource.REPOSITORIES, 3, 100, page(5, 10, 25))).isFalse();
        assertThat(lengths.servedShorter(UpstreamResource.REPOSITORIES, 1, 100, page(100, 100, 250))).isFalse();

        assertThat(lengths.of(UpstreamResource.REPOSITORIES)).isEqualTo(100);
    }

    @Test
    void eachRefusalTeachesTheNextShorterLengthDownToTen() {
        assertThat(lengths.refused(UpstreamResource.ENVIRONMENTS, 100)).isTrue();
        assertThat(lengths.of(UpstreamResource.ENVIRONMENTS)).isEqualTo(50);
        assertThat(lengths.refused(UpstreamResource.ENVIRONMENTS, 50)).isTrue();
        assertThat(lengths.refused(UpstreamResource.ENVIRONMENTS, 25)).isTrue();
        assertThat(lengths.of(UpstreamResource.ENVIRONMENTS)).isEqualTo(10);

        assertThat(lengths.refused(UpstreamResource.ENVIRONMENTS, 10)).as("nothing shorter is left").isFalse();
        assertThat(lengths.of(UpstreamResource.ENVIRONMENTS)).isEqualTo(10);
    }

    private static BitbucketPage<Object> page(int values, int pagelen, Integer size) {
        List<Object> items = Collections.nCopies(values, new Object());
        return new BitbucketPage<>(items, null, pagelen, size, null);
    }
}
