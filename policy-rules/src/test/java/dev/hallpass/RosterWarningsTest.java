package dev.hallpass;

import dev.hallpass.fixtures.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Roster names that may be taken for ordinary words are warned about, never refused. */
final class RosterWarningsTest {
    private static SchoolProfile withChildren(String children) {
        return Profiles.testSchoolWith("""
                  - id: ash
                    children: %s
                """.formatted(children));
    }

    @Test
    void a_short_alias_is_a_warning_naming_the_entry() {
        SchoolProfile p = withChildren("[{name: Isla Jones}, {name: Oliver Smith}, {name: Alan Green, aliases: [Al, Alfie]}]");
        assertThat(p.warnings()).containsExactly(
                "classes[1].children[2].aliases[0]: \"Al\" is 1–3 letters; it may be taken as a child's name where it is only a word");
    }

    @Test
    void a_first_name_that_is_a_common_english_word_is_a_warning() {
        SchoolProfile p = withChildren("[{name: And Smith}, {name: Is}]");
        assertThat(p.warnings()).containsExactly(
                "classes[1].children[0].name: \"And\" is a common English word; it may be taken as a child's name where it is only a word",
                "classes[1].children[1].name: \"Is\" is a common English word; it may be taken as a child's name where it is only a word");
    }

    @Test
    void names_the_detector_already_treats_as_word_names_are_fine() {
        SchoolProfile p = withChildren("[{name: Will Evans}, {name: May Jones}, {name: Grace Taylor}, {name: Jack Wilson}, {name: Bob Cole}]");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void a_short_surname_is_fine_because_it_is_never_matched_alone() {
        SchoolProfile p = withChildren("[{name: Mohammed Ali}, {name: Ruby Li, aliases: [Ruby Li-Chen]}]");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void letters_are_counted_not_chars() {
        assertThat(RosterWarnings.problem("Zoë")).isEqualTo("is 1–3 letters");
        assertThat(RosterWarnings.problem("Jo-Jo")).isNull();
        assertThat(RosterWarnings.problem("Amelia")).isNull();
    }
}
