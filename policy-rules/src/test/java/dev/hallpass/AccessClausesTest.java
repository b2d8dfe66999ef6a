package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import static dev.hallpass.fixtures.Messages.from;
import static dev.hallpass.fixtures.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.hallpass.fixtures.Engines;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Clauses 3.1.1, 3.1.2 and 4.4: who may post where. */
final class AccessClausesTest {
    private final PolicyEngine engine = Engines.defaults();

    @ParameterizedTest
    @EnumSource(Channel.class)
    void an_hlta_is_blocked_on_every_channel_citing_4_4(Channel channel) {
        Decision d = engine.evaluate(message(channel, Role.HLTA, "Reminder: PE kits tomorrow"));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.reason("4.4")).hasValueSatisfying(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.BLOCK);
            assertThat(r.message()).contains("policy 4.4").contains("01632 960000");
        });
        assertThat(d.redirectTo()).isNull();
    }

    @Test
    void an_hlta_is_blocked_at_any_time_of_any_day() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        qt().forAll(integers().between(0, 365 * 24 * 60 - 1), arbitrary().enumValues(Channel.class))
                .checkAssert((minutes, channel) -> {
                    Decision d = engine.evaluate(dev.hallpass.fixtures.Messages.message(
                            channel, Role.HLTA, "Cover lesson notes", start.plus(minutes, ChronoUnit.MINUTES)));
                    assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
                    assertThat(d.cites("4.4")).isTrue();
                });
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SCHOOL_LEADER", "OFFICE_STAFF"})
    void school_leaders_and_office_staff_may_post_school_stories(Role role) {
        Decision d = engine.evaluate(message(Channel.SCHOOL_STORY, role, "The Christmas fair is on Friday at 3pm in the hall."));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.reasons()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PARENT", "TEACHER"})
    void parents_and_teachers_are_blocked_from_school_stories_citing_3_1_1(Role role) {
        Decision d = engine.evaluate(message(Channel.SCHOOL_STORY, role, "The Christmas fair is on Friday."));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.reasons()).extracting(Reason::clause).containsExactly("3.1.1");
        assertThat(d.reasons().get(0).message()).contains("policy 3.1.1");
    }

    @Test
    void an_hlta_posting_a_school_story_is_blocked_by_both_clauses_in_clause_order() {
        Decision d = engine.evaluate(message(Channel.SCHOOL_STORY, Role.HLTA, "Fair on Friday"));
        assertThat(d.reasons()).extracting(Reason::clause).containsExactly("3.1.1", "4.4");
    }

    @Test
    void the_class_teacher_may_post_the_class_story() {
        Decision d = engine.evaluate(from(Channel.CLASS_STORY, new Sender("t-oak", Role.TEACHER), "oak", "This week we are learning about volcanoes."));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_teacher_of_another_class_is_blocked_from_a_class_story_citing_3_1_2() {
        Decision d = engine.evaluate(from(Channel.CLASS_STORY, new Sender("t-ash", Role.TEACHER), "oak", "Volcano week!"));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.reasons()).extracting(Reason::clause).containsExactly("3.1.2");
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"CLASS_STORY", "CLASS_CHAT"})
    void a_class_post_for_a_class_the_profile_does_not_list_is_an_error_naming_class_id(Channel channel) {
        // Contract 7.1: before, any teacher could post a class story for an unlisted class.
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        engine.evaluate(from(channel, new Sender("t-new", Role.TEACHER), "rowan", "Welcome to Rowan class")))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.getMessage()).isEqualTo("classId: unknown class \"rowan\""));
    }

    @Test
    void an_unknown_class_id_on_a_private_chat_or_school_story_is_not_checked() {
        assertThat(engine.evaluate(from(Channel.PRIVATE_CHAT, new Sender("p-1", Role.PARENT), "rowan", "Thanks")).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(engine.evaluate(from(Channel.SCHOOL_STORY, new Sender("o-1", Role.OFFICE_STAFF), "rowan", "Fair on Friday")).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_teacher_class_story_without_a_class_id_is_blocked_citing_3_1_2_where_the_profile_lists_class_teachers() {
        Decision d = engine.evaluate(from(Channel.CLASS_STORY, new Sender("t-oak", Role.TEACHER), null, "Volcano week!"));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.reasons()).extracting(Reason::clause).containsExactly("3.1.2");
        // A class chat post without a class is not a class story: 3.1.2 does not apply.
        assertThat(engine.evaluate(from(Channel.CLASS_CHAT, new Sender("t-oak", Role.TEACHER), null, "Volcano week!")).cites("3.1.2")).isFalse();
    }

    @Test
    void a_teacher_without_an_id_is_blocked_from_a_class_whose_teachers_are_listed() {
        Decision d = engine.evaluate(from(Channel.CLASS_STORY, Sender.of(Role.TEACHER), "oak", "Volcano week!"));
        assertThat(d.cites("3.1.2")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PARENT", "SCHOOL_LEADER", "OFFICE_STAFF"})
    void only_teachers_post_class_stories(Role role) {
        Decision d = engine.evaluate(from(Channel.CLASS_STORY, new Sender("x", role), "oak", "Volcano week!"));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.reasons()).extracting(Reason::clause).containsExactly("3.1.2");
    }

    @Test
    void parents_and_teachers_may_use_class_chat_and_private_chat() {
        for (Channel channel : List.of(Channel.CLASS_CHAT, Channel.PRIVATE_CHAT)) {
            for (Role role : List.of(Role.PARENT, Role.TEACHER)) {
                assertThat(engine.evaluate(message(channel, role, "Thanks, see you on Friday")).outcome())
                        .as("%s in %s", role, channel)
                        .isEqualTo(Outcome.ALLOW);
            }
        }
    }
}
