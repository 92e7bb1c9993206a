package io.pipelinesgateway.bitbucket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The longest page each of Bitbucket's listings serves, learned from its answers. Bitbucket documents 100 items a
 * page at most and some endpoints serve fewer: some answer a longer page length with a shorter page (its
 * {@code pagelen} says the length served), others refuse it ({@code 400} "Invalid pagelen"). Paging by number against
 * {@code size} reads the wrong items, or stops early, unless it pages in the length the endpoint serves, so the first
 * answer that tells it is kept here for the life of the process, per resource, and every later read of that resource
 * asks it.
 */
@Component
class PageLengths {

    /** The lengths tried after a refusal, longest first: Bitbucket's documented range is 10 to 100. */
    private static final int[] SHORTER = {50, 25, 10};

    private static final Logger log = LoggerFactory.getLogger(PageLengths.class);

    private final Map<UpstreamResource, Integer> learned = new ConcurrentHashMap<>();

    /** The page length to ask of {@code resource}: the longest it serves, as far as this process knows. */
    int of(UpstreamResource resource) {
        return learned.getOrDefault(resource, BitbucketProperties.MAX_PAGE_LENGTH);
    }

    /**
     * Learns from page {@code number} of {@code resource} asked in {@code asked} items: whether it was served in
     * fewer (its {@code pagelen}) and more follow it, in which case that length is what the resource serves from now
     * on. A listing's last page teaches nothing: whatever length it says, nothing was left out.
     */
    boolean servedShorter(UpstreamResource resource, int number, int asked, BitbucketPage<?> page) {
        Integer served = page.pagelen();
        if (served == null || served <= 0 || served >= asked || page.isLast(number, served)) {
            return false;
        }
        learn(resource, served);
        return true;
    }

    /**
     * Learns from Bitbucket's refusal of {@code asked} items a page of {@code resource}: whether a shorter length is
     * left to ask, in which case it is the one asked from now on.
     */
    boolean refused(UpstreamResource resource, int asked) {
        for (int shorter : SHORTER) {
            if (shorter < asked) {
                learn(resource, shorter);
                return true;
            }
        }
        return false;
    }

    private void learn(UpstreamResource resource, int length) {
        Integer before = learned.get(resource);
        if (before == null || length < before) {
            learned.merge(resource, length, Math::min);
            log.info("Bitbucket serves pages of at most {} items of {}: the gateway asks that length from now on",
                    length, resource);
        }
    }
}
