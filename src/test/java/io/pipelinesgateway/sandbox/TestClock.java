package io.pipelinesgateway.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests move by hand: pipelines progress exactly when and as far as a test says, so tests of progress
 * are fast and never flaky, and everything else sees the seeded states frozen at {@link #START}. A test that moves
 * the clock puts it back ({@link #reset()}) when done.
 */
public final class TestClock extends Clock {

    public static final Instant START = Instant.parse("2024-05-02T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox works in UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    public void reset() {
        now.set(START);
    }

    /** Puts the test clock in place of the sandbox's real one. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        @Primary
        SandboxClock testSandboxClock(TestClock clock) {
            return new SandboxClock(clock);
        }
    }
}
