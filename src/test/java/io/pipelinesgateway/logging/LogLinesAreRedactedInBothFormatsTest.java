package io.pipelinesgateway.logging;

import java.io.IOException;
import java.net.URL;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.pipelinesgateway.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.MDC;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line that holds a credential, in its message or its stack trace, comes out of the gateway's console logging
 * masked, in plain text and in JSON alike: the real {@code logback-spring.xml} and {@code application.yml} configure
 * a logger context of its own, as Spring Boot does at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLinesAreRedactedInBothFormatsTest {

    @Test
    void aPlainTextLineIsMasked(CapturedOutput output) throws Exception {
        logACredential(null);

        assertThat(output.getOut()).contains("Authorization: [REDACTED]", "requestId-in-mdc")
                .contains("IllegalStateException: refused Bearer [REDACTED]")
                .doesNotContain(Fixtures.BEARER_TOKEN);
    }

    @Test
    void aJsonLineIsMaskedAndCarriesTheRequestId(CapturedOutput output) throws Exception {
        logACredential("ecs");

        assertThat(output.getOut()).contains("\"message\":\"Authorization: [REDACTED]")
                .contains("\"requestId\":\"requestId-in-mdc\"")
                .contains("\"stack_trace\":\"java.lang.IllegalStateException: refused Bearer [REDACTED]")
                .doesNotContain(Fixtures.BEARER_TOKEN);
    }

    private static void logACredential(String structuredFormat) throws IOException, JoranException {
        LoggerContext context = new LoggerContext();
        // The MDC the gateway writes to, so the request id reaches this context as it reaches the real one.
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putObject(Environment.class.getName(), applicationYml());
        if (structuredFormat != null) {
            context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", structuredFormat);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = new ClassPathResource("logback-spring.xml").getURL();
        configurator.doConfigure(config);
        try {
            Logger logger = context.getLogger("io.pipelinesgateway.test");
            MDC.put(RequestId.MDC_KEY, "requestId-in-mdc");
            logger.info("Authorization: {}", Fixtures.bearer());
            logger.warn("A call failed", new IllegalStateException("refused " + Fixtures.bearer()));
        }
        finally {
            MDC.remove(RequestId.MDC_KEY);
            context.stop();
        }
    }

    private static StandardEnvironment applicationYml() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }
}
