package io.pipelinesgateway.testreport;

import java.util.Locale;

/**
 * A test case's outcome, as the schema's {@code TestCaseStatus} names it: Bitbucket's names for it are read in this
 * one place, and a report's counts ({@link TestReport#reportsNoCase}), a case's reasons and the flaky-test insight
 * all speak of the same values.
 */
public enum TestCaseStatus {

    SUCCESS, FAILED, ERROR, SKIPPED,
    /** A status this gateway does not know yet: never counted by a report, never ruled out. */
    UNKNOWN;

    /** Bitbucket's status of a case, in any case ({@code PASSED} and {@code SUCCESSFUL} are a success). */
    static TestCaseStatus of(String bitbucketStatus) {
        String name = bitbucketStatus == null ? "" : bitbucketStatus.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "SUCCESS", "PASSED", "SUCCESSFUL" -> SUCCESS;
            case "FAILED" -> FAILED;
            case "ERROR" -> ERROR;
            case "SKIPPED" -> SKIPPED;
            default -> UNKNOWN;
        };
    }

    /** Whether a case of this status failed an assertion or raised an error. */
    public boolean failure() {
        return this == FAILED || this == ERROR;
    }
}
