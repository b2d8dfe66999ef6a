package dev.hallpass.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.PolicyEngine;
import org.junit.jupiter.api.Test;

/** The generated school rules load through the rule guard and change no benchmark decision. */
final class GeneratedRulesTest {
    @Test
    void generated_rules_pass_the_guard_and_leave_the_typical_decision_alone() {
        PolicyEngine plain = PolicyEngine.builder().semanticTier(false).build();
        PolicyEngine more = GeneratedRules.engineWith(100);

        for (var m : Inputs.VARIED) {
            assertThat(more.evaluate(m)).isEqualTo(plain.evaluate(m));
        }
    }
}
