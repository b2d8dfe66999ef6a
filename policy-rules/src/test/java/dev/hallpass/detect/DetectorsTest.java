package dev.hallpass.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.DetectorFixtures;
import dev.hallpass.SchoolProfile;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detectors with the built-in word lists and roster: what they find, where, and what they leave alone. */
final class DetectorsTest {
    private static final Detectors DETECTORS = DetectorFixtures.forProfile(SchoolProfile.builtIn());

    private static List<Finding> scan(String text) {
        return DETECTORS.scan(text, List.of());
    }

    private static List<String> found(String text, FindingKind kind) {
        return scan(text).stream().filter(f -> f.kind() == kind).map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void the_contract_example_finds_the_name_at_20_to_26() {
        assertThat(scan("Does anyone know if Amelia left her coat at the party?"))
                .containsExactly(Finding.span(FindingKind.CHILD_NAME, 20, 26));
    }

    @Test
    void full_names_win_over_first_names_and_possessives_leave_out_the_s() {
        assertThat(found("Well done Amelia Khan! And Amelia's brother too", FindingKind.CHILD_NAME))
                .containsExactly("Amelia Khan", "Amelia");
    }

    @Test
    void accents_and_case_are_folded_both_ways() {
        assertThat(found("zoe and SIOBHAN and Chloe", FindingKind.CHILD_NAME)).containsExactly("zoe", "SIOBHAN", "Chloe");
        assertThat(found("Zoë’s party", FindingKind.CHILD_NAME)).containsExactly("Zoë");
    }

    @Test
    void aliases_are_names() {
        assertThat(found("millie and Ollie", FindingKind.CHILD_NAME)).containsExactly("millie", "Ollie");
    }

    @Test
    void staff_with_a_title_are_not_children() {
        assertThat(found("Mrs Khan said Miss Grace and Mr Jack are on the trip", FindingKind.CHILD_NAME)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Will you be at the fair?", "we will see you there", "say grace before lunch", "the trip is in May",
        "Mark the date in your diary", "I hope you all have a lovely break", "GRACE BEFORE MEALS",
        "May I ask about the trip?", "She had a mark on her neck"})
    void names_that_are_also_words_are_left_alone_when_used_as_words(String text) {
        assertThat(found(text, FindingKind.CHILD_NAME)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Grace was brilliant today", "Well done Grace and Isla", "Jack's mum here", "will's dad here"})
    void names_that_are_also_words_count_when_used_as_names(String text) {
        assertThat(found(text, FindingKind.CHILD_NAME)).isNotEmpty();
    }

    @Test
    void unlisted_children_are_found_from_context() {
        assertThat(found("my son Tom has lost his bag", FindingKind.CHILD_NAME)).containsExactly("Tom");
        assertThat(found("Ruby's mum here!", FindingKind.CHILD_NAME)).containsExactly("Ruby");
        assertThat(found("please welcome our new pupil Kacper", FindingKind.CHILD_NAME)).containsExactly("Kacper");
        assertThat(found("shut up Karen nobody asked", FindingKind.CHILD_NAME)).isEmpty();
        assertThat(found("my son is off sick", FindingKind.CHILD_NAME)).isEmpty();
    }

    @Test
    void urgency_is_found_unless_negated() {
        assertThat(found("URGENT please ring me back", FindingKind.URGENCY)).containsExactly("URGENT", "ring me back");
        assertThat(found("Not urgent but when is PE?", FindingKind.URGENCY)).isEmpty();
        assertThat(found("It's not an emergency, just asking", FindingKind.URGENCY)).isEmpty();
        assertThat(found("I've updated my emergency contact details", FindingKind.URGENCY)).isEmpty();
    }

    @Test
    void a_starred_out_swear_word_is_abuse_whatever_the_word() {
        assertThat(found("this is f***ing ridiculous and you're a tw*t", FindingKind.ABUSE)).containsExactly("f***ing", "tw*t");
        assertThat(found("Year 5 scored 5*5 on the quiz", FindingKind.ABUSE)).isEmpty();
    }

    @Test
    void a_pick_up_needs_a_child_to_pick_up() {
        assertThat(found("Grandma is picking him up today", FindingKind.PICKUP_DROPOFF)).containsExactly("picking him up");
        assertThat(found("can anyone pick Noah up tonight?", FindingKind.PICKUP_DROPOFF)).containsExactly("pick Noah up");
        assertThat(found("I can pick up some leaflets", FindingKind.PICKUP_DROPOFF)).isEmpty();
        assertThat(found("please drop off cake sale donations", FindingKind.PICKUP_DROPOFF)).isEmpty();
        assertThat(found("I've been so absent-minded", FindingKind.ABSENCE)).isEmpty();
    }

    @Test
    void a_medicine_counts_only_with_a_change_in_the_same_sentence() {
        assertThat(found("The GP has changed her inhaler to the blue one", FindingKind.MEDICATION_CHANGE)).containsExactly("inhaler");
        assertThat(found("We learnt how medicines were discovered.", FindingKind.MEDICATION_CHANGE)).isEmpty();
        assertThat(found("Her inhaler is in her bag. We changed classrooms today.", FindingKind.MEDICATION_CHANGE)).isEmpty();
    }

    @Test
    void a_school_word_list_can_be_extended_by_the_profile() {
        SchoolProfile base = SchoolProfile.builtIn();
        SchoolProfile extended = base.toBuilder()
                .words(java.util.Map.of("URGENCY", new SchoolProfile.WordList(List.of("code red"), List.of("urgent care centre"))))
                .build();
        Detectors d = DetectorFixtures.forProfile(extended);
        String text = "code red! the urgent care centre is closed";
        List<String> urgency = d.scan(text, List.of()).stream()
                .filter(f -> f.kind() == FindingKind.URGENCY).map(f -> text.substring(f.start(), f.end())).toList();
        assertThat(urgency).containsExactly("code red");
    }

    @Test
    void thousands_of_repeated_triggers_are_each_found_once() {
        String text = "emergency contact urgent ".repeat(20_000);
        List<Finding> urgent = scan(text).stream().filter(f -> f.kind() == FindingKind.URGENCY).toList();
        assertThat(urgent).hasSize(20_000);
    }
}
