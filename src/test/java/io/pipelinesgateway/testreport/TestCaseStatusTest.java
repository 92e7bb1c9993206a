package io.pipelinesgateway.testreport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bitbucket's names of a test case's outcome, in whatever case it sends them, read as the schema's statuses. */
class TestCaseStatusTest {

    @Test
    void bitbucketsNamesOfASuccessAreASuccessInAnyCase() {
        assertThat(TestCaseStatus.of("PASSED")).isEqualTo(TestCaseStatus.SUCCESS);
        assertThat(TestCaseStatus.of("successful")).isEqualTo(TestCaseStatus.SUCCESS);
        assertThat(TestCaseStatus.of("Success")).isEqualTo(TestCaseStatus.SUCCESS);
    }

    @Test
    void aStatusTheGatewayDoesNotKnowOrNoStatusIsUnknownAndNotAFailure() {
        assertThat(TestCaseStatus.of("FLAKY")).isEqualTo(TestCaseStatus.UNKNOWN);
        assertThat(TestCaseStatus.of(null)).isEqualTo(TestCaseStatus.UNKNOWN);
        assertThat(TestCaseStatus.UNKNOWN.failure()).isFalse();
    }

    @Test
    void onlyAFailedAssertionOrAnErrorIsAFailure() {
        assertThat(TestCaseStatus.of("failed").failure()).isTrue();
        assertThat(TestCaseStatus.of("ERROR").failure()).isTrue();
        assertThat(TestCaseStatus.of("SKIPPED").failure()).isFalse();
        assertThat(TestCaseStatus.SUCCESS.failure()).isFalse();
    }
}
