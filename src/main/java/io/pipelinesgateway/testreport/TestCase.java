package io.pipelinesgateway.testreport;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.pipelinesgateway.bitbucket.BitbucketTestCase;
import io.pipelinesgateway.step.StepKey;

/**
 * A test case as the schema shows it, located by its step.
 *
 * @param askedAlone whether the caller asked for this one case ({@code node(id:)}) rather than a step's list of them
 */
public record TestCase(StepKey step, String uuid, String name, String fullyQualifiedName, String packageName,
        TestCaseStatus status, Double durationSeconds, boolean askedAlone) {

    /** A case of a step's list. */
    static TestCase from(StepKey step, BitbucketTestCase testCase) {
        return new TestCase(step, testCase.uuid(), testCase.name(), testCase.fullyQualifiedName(),
                testCase.packageName(), TestCaseStatus.of(testCase.status()), seconds(testCase.duration()), false);
    }

    /** The same case, asked for alone. */
    TestCase alone() {
        return new TestCase(step, uuid, name, fullyQualifiedName, packageName, status, durationSeconds, true);
    }

    /**
     * Whether its reasons are worth a call to Bitbucket: a case of a list has reasons only if it failed or erred,
     * so a page of mostly passing cases costs a call per failure only; one asked for alone is always read.
     */
    boolean reasonsWorthReading() {
        return askedAlone || status.failure();
    }

    /** Bitbucket has been seen sending a duration as seconds and as ISO-8601 ("PT0.25S"). */
    static Double seconds(Object duration) {
        if (duration instanceof Number number) {
            return number.doubleValue();
        }
        if (duration instanceof String text && !text.isBlank()) {
            try {
                return Duration.parse(text).toNanos() / 1e9;
            }
            catch (DateTimeParseException notIso) {
                try {
                    return Double.parseDouble(text);
                }
                catch (NumberFormatException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }

    public String id() {
        return TestCaseNodeType.ID.encode(new TestCaseKey(step, uuid));
    }
}
