package dev.hallpass.examples.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.testkit.PolicyProperties;
import dev.hallpass.testkit.PolicyProperties.Property;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A deliberately broken rule file makes the kit fail, with a shrunk counterexample a person can read. */
final class BrokenRuleIsCaughtTest {
    private final PolicyProperties broken = PolicyProperties.forSchool(
            Path.of("src/test/resources/riverside/profile.yaml"), Path.of("src/test/resources/broken-rules"));

    @Test
    void a_rule_that_is_stricter_in_private_chat_fails_with_the_smallest_message_that_shows_it() {
        assertThatThrownBy(() -> broken.check(Property.FEWER_VIEWERS_NEVER_STRICTER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FEWER_VIEWERS_NEVER_STRICTER does not hold")
                .hasMessageContaining("Smallest found falsifying value")
                .hasMessageContaining("CHILD_NAME at")
                .hasMessageContaining("PRIVATE_CHAT gives BLOCK [4.12:BLOCK");
    }

    @Test
    void the_same_school_without_the_broken_rule_keeps_that_promise() {
        PolicyProperties.forSchool(Path.of("src/test/resources/riverside/profile.yaml"), Path.of("src/test/resources/riverside/rules"))
                .check(Property.FEWER_VIEWERS_NEVER_STRICTER);
    }
}
