package io.pipelinesgateway.testreport;

import io.pipelinesgateway.bitbucket.BitbucketTestReport;

/** The summary of a step's test report, with missing counts read as zero. */
public record TestReport(int total, int successful, int failed, int errored, int skipped, Double durationSeconds) {

    static TestReport from(BitbucketTestReport report) {
        return new TestReport(count(report.total()), count(report.success()), count(report.failed()),
                count(report.error()), count(report.skipped()), report.durationInSeconds());
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
