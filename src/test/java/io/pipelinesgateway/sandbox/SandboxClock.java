package io.pipelinesgateway.sandbox;

import java.time.Clock;

/**
 * The clock the sandbox's pipelines progress by. Wrapped in its own type rather than exposed as a {@link Clock} bean,
 * so that it never competes with a {@code Clock} the rest of the application may define, while tests can still
 * replace it (a {@code @Primary SandboxClock} over a clock they control).
 */
record SandboxClock(Clock clock) {
}
