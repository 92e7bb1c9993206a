package io.pipelinesgateway.schedule;

import io.pipelinesgateway.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cron pattern is accepted when Bitbucket's 7-field Quartz syntax allows it, and rejected with the reason otherwise. */
class CronPatternTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0 0 12 * * ? *",
        "0 15 10 ? * MON-FRI *",
        "0 0/5 14,18 * * ? *",
        "*/30 * * * * ? *",
        "0 15 10 L * ? *",
        "0 0 12 LW * ? *",
        "0 0 12 L-3 * ? *",
        "0 0 0 1W jan,jul ? 2026-2030",
        "0 15 10 ? * 6L 2026",
        "0 15 10 ? * 6#3 *",
        "0 0 8 ? * SUN *",
        "59 59 23 31 12 ? 2099"
    })
    void aQuartzPatternIsAccepted(String pattern) {
        assertThat(CronPattern.check(pattern, "input.cronPattern")).isEqualTo(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0 0 12 * * ?", "0 0 12 * * ? * *", "@daily"})
    void aPatternWithoutSevenFieldsIsRejected(String pattern) {
        assertThatThrownBy(() -> CronPattern.check(pattern, "input.cronPattern"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must have 7 fields");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "60 0 12 * * ? *",
        "0 60 12 * * ? *",
        "0 0 24 * * ? *",
        "0 0 12 32 * ? *",
        "0 0 12 0 * ? *",
        "0 0 12 * 13 ? *",
        "0 0 12 * FOO ? *",
        "0 0 12 ? * 8 *",
        "0 0 12 ? * MON-XYZ *",
        "0 0 12 * * ? 1969",
        "0 */0 12 * * ? *",
        "0 0/61 12 * * ? *",
        "0 0 12 W * ? *",
        "0 0 12 L-31 * ? *",
        "0 0 12 ? * 6#6 *",
        "0 0 12 * * ? abc",
        "0 0 12,, * * ? *",
        "0 0 ? * * * *"
    })
    void aFieldOutOfItsSyntaxOrRangeIsRejectedByName(String pattern) {
        assertThatThrownBy(() -> CronPattern.check(pattern, "input.cronPattern"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has an invalid")
                .hasMessageContaining("field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 12 * * * *", "0 0 12 ? * ? *", "0 0 12 1 * MON *"})
    void aPatternWithoutExactlyOneUnsetDayFieldIsRejected(String pattern) {
        assertThatThrownBy(() -> CronPattern.check(pattern, "input.cronPattern"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'?' in exactly one of the day");
    }
}
