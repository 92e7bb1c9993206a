package io.pipelinesgateway.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application with the {@code sandbox} profile on a random port, called over real HTTP, its pipelines driven by a
 * {@link TestClock}. All test classes with this annotation share one application context, and so one sandbox: they
 * leave seeded pipelines alone (runs go to repositories other than {@code acme/api}) and put the clock back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PreloadBitbucketSpec.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.sandbox.step-seconds=10")
@ActiveProfiles("sandbox")
@AutoConfigureWebTestClient
@Import(TestClock.Configuration.class)
@interface SandboxTest {
}
