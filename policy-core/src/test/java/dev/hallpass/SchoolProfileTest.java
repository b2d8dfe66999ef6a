package dev.hallpass;

import dev.hallpass.fixtures.Profiles;
import dev.hallpass.facts.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SchoolProfileTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final SchoolProfile profile = Profiles.testSchool();

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @ParameterizedTest(name = "{0} is working time: {1}")
    @CsvSource({
        "2026-11-24T07:59, false",
        "2026-11-24T08:00, true",
        "2026-11-24T16:59, true",
        "2026-11-24T17:00, false",
        "2026-11-28T10:00, false", // Saturday
        "2026-11-29T10:00, false", // Sunday
        "2026-12-22T10:00, false", // Tuesday in the closed range
        "2027-01-01T10:00, false", // last day of the range, inclusive
        "2027-01-04T10:00, true",  // the Monday after
        "2027-02-15T10:00, false", // a single closed date
        "2026-03-27T08:00, true",  // Friday before the clocks go forward (GMT)
        "2026-03-30T08:00, true",  // Monday after (BST)
        "2026-03-30T07:59, false",
        "2026-10-23T16:59, true",  // Friday before the clocks go back (BST)
        "2026-11-02T16:59, true",  // after (GMT)
    })
    void working_time_is_local_to_the_school(String local, boolean expected) {
        assertThat(profile.isWorkingTime(london(local))).isEqualTo(expected);
    }

    @Test
    void working_hours_follow_the_clock_change_in_utc() {
        // 07:30Z is 07:30 in winter (closed) but 08:30 in summer (open).
        assertThat(profile.isWorkingTime(Instant.parse("2026-03-27T07:30:00Z"))).isFalse();
        assertThat(profile.isWorkingTime(Instant.parse("2026-03-30T07:30:00Z"))).isTrue();
        // 16:30Z is 17:30 in summer (closed) but 16:30 in winter (open).
        assertThat(profile.isWorkingTime(Instant.parse("2026-10-23T16:30:00Z"))).isFalse();
        assertThat(profile.isWorkingTime(Instant.parse("2026-11-02T16:30:00Z"))).isTrue();
    }

    @Test
    void a_profile_reads_the_same_from_json_and_yaml() {
        String json = """
                {"school": "Test School", "timezone": "Europe/London",
                 "workingHours": {"days": ["monday","tuesday"], "start": "09:00", "end": "15:30"},
                 "contacts": {"schoolOffice": {"name": "Office", "phone": "01632 960000"},
                              "school": {"phone": "01632 960000"}, "nursingTeam": {"phone": "01632 960001"}},
                 "clauses": {"4.7": {"enabled": false}, "5.4": {"outcome": "warn"}}}
                """;
        SchoolProfile p = SchoolProfile.parse(json, "p.json");
        assertThat(p.workingHours().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
        assertThat(p.clause("4.7").enabled()).isFalse();
        assertThat(p.clause("5.4").outcome()).isEqualTo(Outcome.WARN);
        assertThat(p.clause("4.12")).isEqualTo(SchoolProfile.ClauseSetting.DEFAULT);
        assertThat(p.contacts().nursingTeam().name()).isEqualTo("the school nursing team");
    }

    @Test
    void every_problem_is_reported_with_its_field_path() {
        String yaml = """
                school: X
                timezone: Mars/Olympus
                workingHours: {days: [FUNDAY], start: "17:00", end: "08:00"}
                closedDates: ["2026-13-01", "2027-01-02..2027-01-01"]
                contacts:
                  schoolOffice: {name: Office}
                  school: {phone: "01632 960000"}
                  nursingTeam: {phone: "12"}
                classes: [{id: oak}, {id: oak}]
                clauses: {"4.7": {enabled: "no", outcome: SHOUT}}
                colour: blue
                """;
        assertThatThrownBy(() -> SchoolProfile.parse(yaml, "bad.yaml"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "colour: unknown field (expected one of school, timezone, workingHours, closedDates, contacts, classes, clauses, words, notNames)",
                        "timezone: not a timezone id such as Europe/London",
                        "workingHours.days[0]: unknown value (expected one of [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY])",
                        "workingHours.end: must be after workingHours.start",
                        "closedDates[0]: must be a date (2026-12-25) or a range (2026-12-21..2027-01-01)",
                        "closedDates[1]: range ends before it starts",
                        "contacts.schoolOffice.phone: missing",
                        "contacts.nursingTeam.phone: not a phone number",
                        "classes[1].id: duplicate class id",
                        "clauses.4.7.enabled: must be true or false",
                        "clauses.4.7.outcome: unknown value (expected one of [ALLOW, WARN, REDIRECT, BLOCK])"));
    }

    @Test
    void a_missing_section_is_named() {
        assertThatThrownBy(() -> SchoolProfile.parse("{\"school\": \"X\", \"timezone\": \"UTC\"}", "p.json"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                        .containsExactly("workingHours: missing", "contacts: missing"));
    }

    @Test
    void a_file_that_is_not_json_says_where() {
        assertThatThrownBy(() -> SchoolProfile.parse("{\"school\": ", "p.json"))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("not valid JSON at line 1");
    }

    @Test
    void a_child_never_prints_its_name() {
        SchoolProfile.Child child = profile.classes().get(0).children().get(0);
        assertThat(child.toString()).doesNotContain("Amelia").doesNotContain("Millie");
        assertThat(profile.toString()).doesNotContain("Amelia");
    }

    @Test
    void a_key_given_twice_in_a_yaml_profile_is_a_problem_naming_its_path() {
        String yaml = Profiles.TEST_SCHOOL.replace("children: [{name: Amelia Khan, aliases: [Millie]}]",
                "children: [{name: Zoe Brown}, {name: Amelia Khan, name: Amelia Jones}]");
        assertThatThrownBy(() -> SchoolProfile.parse(yaml, "dup.yaml"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                        .containsExactly("classes[0].children[1].name: duplicate key"))
                .message().doesNotContain("Amelia");
    }

    @Test
    void a_key_given_twice_in_a_json_profile_is_a_problem_naming_its_path() {
        String json = """
                {"school": "Test School", "timezone": "Europe/London", "timezone": "UTC",
                 "workingHours": {"days": ["monday"], "start": "09:00", "end": "15:30"},
                 "contacts": {"schoolOffice": {"name": "Office", "phone": "01632 960000"},
                              "school": {"phone": "01632 960000"}, "nursingTeam": {"phone": "01632 960001"}}}
                """;
        assertThatThrownBy(() -> SchoolProfile.parse(json, "dup.json"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                        .containsExactly("timezone: duplicate key"));
    }

    @Test
    void a_clause_setting_given_twice_names_the_clause() {
        String yaml = Profiles.TEST_SCHOOL + "clauses:\n  \"4.7\": {enabled: false}\n  \"4.7\": {enabled: true}\n";
        assertThatThrownBy(() -> SchoolProfile.parse(yaml, "dup.yaml"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                        .containsExactly("clauses.4.7: duplicate key"));
    }
}
