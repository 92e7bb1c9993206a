package io.pipelinesgateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pipelinesgateway.sandbox.TestClock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The gateway on its sandbox, on a random port, watching fast: what subscription tests run against. Pipelines move
 * only when a test moves the {@link TestClock} (steps take 10 s of it), while the watcher polls in real time every
 * 100 to 400 ms, so a test sees every state it holds the sandbox in. One process, no Redis (see the two-replica
 * test for Redis): a test that needs one, or other timings, sets them with a {@code @DynamicPropertySource}, which
 * takes precedence and gets the test a context of its own. Test classes with this annotation share the context; they
 * only ever move the clock forward, and follow only the pipelines they run themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.url=",
        "gateway.sandbox.step-seconds=10",
        "gateway.watch.fast-interval=100ms",
        "gateway.watch.max-interval=400ms",
        "gateway.watch.calls-per-minute=100000",
        "gateway.webhooks.secret=" + LiveSandboxTest.WEBHOOK_SECRET})
@ActiveProfiles("sandbox")
@Import(TestClock.Configuration.class)
public @interface LiveSandboxTest {

    /** The webhook secret the gateway is configured with. */
    String WEBHOOK_SECRET = TestSecrets.LIVE_SANDBOX_WEBHOOK_SECRET;
}
