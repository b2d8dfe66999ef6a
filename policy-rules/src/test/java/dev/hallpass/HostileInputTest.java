package dev.hallpass;

import dev.hallpass.engine.RuleSet;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.fixtures.Engines;
import dev.hallpass.fixtures.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Profiles, rule files and messages built to hurt: refused with a clear error, never half-read. */
final class HostileInputTest {
    @Test
    void a_yaml_alias_bomb_in_a_profile_is_refused() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        yaml.append("school: X\ntimezone: Europe/London\nclasses: *j\n");
        // A billion laughs if expanded: it is answered at once with an error, never expanded.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> SchoolProfile.parse(yaml.toString(), "bomb.yaml")).isInstanceOf(InvalidProfileException.class));
    }

    @Test
    void deeply_nested_profile_json_is_refused() {
        String json = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> SchoolProfile.parse(json, "deep.json"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems()).singleElement().asString().startsWith("(root):"));
    }

    @Test
    void a_giant_profile_is_refused_before_it_is_parsed() {
        String giant = "school: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n";
        assertThatThrownBy(() -> SchoolProfile.parse(giant, "giant.yaml"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems()).singleElement().asString().contains("larger than"));
    }

    @Test
    void a_giant_rule_file_is_refused_with_its_name() {
        String drl = "package dev.hallpass.rules;\n// " + "x".repeat(RuleSet.MAX_SOURCE_CHARS) + "\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("huge.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).singleElement().hasToString(
                        "huge.drl:1:1: larger than " + RuleSet.MAX_SOURCE_CHARS + " characters"));
    }

    @Test
    void a_message_over_the_text_limit_is_refused_never_truncated_and_allowed() {
        PolicyEngine engine = PolicyEngine.builder().maxTextLength(1000).build();
        ProposedMessage big = Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "a".repeat(1001));
        assertThatThrownBy(() -> engine.evaluate(big))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.getMessage()).isEqualTo("text: 1001 characters, over this engine's limit of 1000");
                });
        assertThat(engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "a".repeat(1000))).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void too_many_attachments_are_refused() {
        PolicyEngine engine = PolicyEngine.builder().maxAttachments(2).build();
        ProposedMessage m = Messages.withAttachments(Channel.PRIVATE_CHAT, Role.PARENT, "",
                List.of(Attachment.photo("a"), Attachment.photo("b"), Attachment.photo("c")));
        assertThatThrownBy(() -> engine.evaluate(m)).isInstanceOf(InvalidMessageException.class).hasMessageStartingWith("attachments:");
    }

    @Test
    void a_message_naming_a_child_thousands_of_times_is_decided_normally_with_capped_evidence() {
        String text = "Amelia Khan is off sick, call 07700 900123. ".repeat(5000);
        Decision d = Engines.defaults().evaluate(Messages.message(Channel.CLASS_CHAT, Role.PARENT, text));
        assertThat(d.cites(PolicyEngine.UNCHECKED_CLAUSE)).isFalse();
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.redirectTo()).isEqualTo(Route.PHONE_SCHOOL_OFFICE);
        assertThat(d.reason("4.12")).hasValueSatisfying(r -> assertThat(r.evidence()).hasSize(PolicyEngine.MAX_FINDINGS_PER_KIND));
        assertThat(d.reason("3.2.1")).isPresent();
    }

    @Test
    void engines_on_the_same_rules_share_one_compiled_rule_base() {
        long before = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            SchoolProfile p = SchoolProfile.builder().school("School " + i).timezone(SchoolProfile.builtIn().timezone())
                    .workingHours(SchoolProfile.builtIn().workingHours()).contacts(SchoolProfile.builtIn().contacts()).build();
            assertThat(PolicyEngine.builder().profile(p).build().evaluate(Messages.message(Channel.CLASS_CHAT, Role.HLTA, "hi")).cites("4.4")).isTrue();
        }
        // Twenty builds that each compiled the rules would take seconds; shared, they take milliseconds.
        assertThat(Engines.defaults()).isNotNull();
        assertThat((System.nanoTime() - before) / 1_000_000).as("ms for 20 engines").isLessThan(20_000);
    }
}
