package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import static dev.hallpass.fixtures.Messages.at;
import static dev.hallpass.fixtures.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.hallpass.fixtures.Engines;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Clause 4.7: working hours Monday–Friday 8:00–17:00 in the school's timezone, closed dates excepted. */
final class WorkingHoursClauseTest {
    private final PolicyEngine engine = Engines.defaults();

    @ParameterizedTest(name = "{0}-{1}-{2} {3}:{4} deferred: {5}")
    @CsvSource({
        "2026, 11, 24,  7, 59, true",   // Tuesday, a minute early
        "2026, 11, 24,  8,  0, false",  // start is inclusive
        "2026, 11, 24, 16, 59, false",
        "2026, 11, 24, 17,  0, true",   // end is exclusive
        "2026, 11, 28, 10,  0, true",   // Saturday
        "2026, 11, 29, 10,  0, true",   // Sunday
        "2026, 12, 22, 10,  0, true",   // Christmas holidays (closed dates)
        "2027,  1,  1, 10,  0, true",   // last closed date, inclusive
        "2027,  1,  4, 10,  0, false",  // first day back
        "2026,  3, 27,  8,  0, false",  // Friday before the clocks go forward: GMT
        "2026,  3, 30,  8,  0, false",  // Monday after: BST
        "2026,  3, 30,  7, 59, true",
        "2026, 10, 23, 16, 59, false",  // Friday before the clocks go back: BST
        "2026, 11,  2, 16, 59, false",  // Monday after: GMT
        "2026, 11,  2, 17,  0, true",
    })
    void messages_outside_working_hours_wait_for_the_next_working_day(int y, int mo, int d, int h, int mi, boolean deferred) {
        Decision decision = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks for today!", at(y, mo, d, h, mi)));
        if (deferred) {
            assertThat(decision.outcome()).isEqualTo(Outcome.WARN);
            assertThat(decision.reasons()).extracting(Reason::clause).containsExactly("4.7");
            assertThat(decision.obligations()).containsExactly(Obligation.DEFER_UNTIL_WORKING_HOURS);
            assertThat(decision.reasons().get(0).message())
                    .isEqualTo("It's outside school working hours (Monday–Friday 8:00–17:00, policy 4.7). Your message will be seen on the next working day.");
        } else {
            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decision.reasons()).isEmpty();
        }
    }

    @Test
    void the_clock_change_moves_working_hours_in_utc() {
        // 07:30Z: 07:30 GMT before the change (closed), 08:30 BST after (open).
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Morning all", Instant.parse("2026-03-27T07:30:00Z"))).cites("4.7")).isTrue();
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Morning all", Instant.parse("2026-03-30T07:30:00Z"))).cites("4.7")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PARENT", "TEACHER"})
    void parents_and_teachers_alike_are_deferred_on_a_saturday(Role role) {
        Decision d = engine.evaluate(message(Channel.PRIVATE_CHAT, role, "Quick question about homework", at(2026, 11, 28, 10, 0)));
        assertThat(d.outcome()).isEqualTo(Outcome.WARN);
        assertThat(d.reason("4.7")).isPresent();
        assertThat(d.obligations()).contains(Obligation.DEFER_UNTIL_WORKING_HOURS);
    }

    @Test
    void a_message_is_deferred_exactly_when_it_is_outside_the_profiles_working_time() {
        SchoolProfile profile = engine.profile();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        qt().forAll(integers().between(0, 2 * 365 * 24 * 4), arbitrary().enumValues(Channel.class))
                .checkAssert((quarterHours, channel) -> {
                    Instant when = start.plus(quarterHours * 15L, ChronoUnit.MINUTES);
                    Decision d = engine.evaluate(message(channel, Role.SCHOOL_LEADER, "Reminder about the fair", when));
                    assertThat(d.cites("4.7")).isEqualTo(!profile.isWorkingTime(when));
                });
    }
}
