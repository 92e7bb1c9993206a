package io.pipelinesgateway.pipeline;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's input never shows its variables' values when printed or logged: they may be secrets. */
class RunInputsNeverPrintValuesTest {

    @Test
    void aRunAndItsVariablesHideTheValues() {
        RunInputs.RunVariable variable = new RunInputs.RunVariable("TOKEN", "hunter2-value", true);
        RunInputs.Run run = new RunInputs.Run("acme", "api",
                new RunInputs.Target(new RunInputs.RefTarget("BRANCH", "main", null, null), null, null),
                List.of(variable));

        assertThat(variable.toString()).contains("TOKEN").doesNotContain("hunter2-value");
        assertThat(run.toString()).contains("TOKEN").doesNotContain("hunter2-value");
    }
}
