package io.pipelinesgateway.testreport;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketTestReport;

/**
 * The summary of a step's test report, with missing counts read as zero.
 *
 * @param countsComplete whether Bitbucket gave every count and they add up to the total: only then does a count of
 *                       zero say that no case has that status ({@link #reportsNoCase})
 */
public record TestReport(int total, int successful, int failed, int errored, int skipped, Double durationSeconds,
        boolean countsComplete) {

    static TestReport from(BitbucketTestReport report) {
        boolean complete = report.total() != null && report.success() != null && report.failed() != null
                && report.error() != null && report.skipped() != null
                && report.success() + report.failed() + report.error() + report.skipped() == report.total();
        return new TestReport(count(report.total()), count(report.success()), count(report.failed()),
                count(report.error()), count(report.skipped()), report.durationInSeconds(), complete);
    }

    /**
     * Whether this summary tells that the step has no test case of any of {@code statuses} (of any status, when
     * empty), so that reading its cases would only find none: a page of failed cases costs no call for a report
     * with no failure. A status without a count of its own ({@code UNKNOWN}) is never ruled out.
     */
    boolean reportsNoCase(List<TestCaseStatus> statuses) {
        if (!countsComplete) {
            return false;
        }
        if (statuses.isEmpty()) {
            return total == 0;
        }
        return statuses.stream().allMatch(status -> switch (status) {
            case SUCCESS -> successful == 0;
            case FAILED -> failed == 0;
            case ERROR -> errored == 0;
            case SKIPPED -> skipped == 0;
            case UNKNOWN -> false;
        });
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
