package io.pipelinesgateway.variable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The inputs that create or change a variable never show its value when printed or logged: it may be a secret. */
class VariableInputsNeverPrintValuesTest {

    @Test
    void createAndUpdateInputsHideTheValue() {
        VariableInputs.Create create = new VariableInputs.Create(
                new VariableInputs.Scope("acme", null, null, null, null), "TOKEN", "hunter2-value", true);
        VariableInputs.Update update = new VariableInputs.Update("id", null, "hunter2-value", null);

        assertThat(create.toString()).contains("TOKEN").doesNotContain("hunter2-value");
        assertThat(update.toString()).doesNotContain("hunter2-value");
    }
}
