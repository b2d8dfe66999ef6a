package dev.hallpass.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The word-list detector on small word lists of its own (so each rule of matching is seen on its
 * own), and on the built-in lists for the cases a school relies on.
 */
final class LexiconDetectorTest {
    /** Built for each test, so that how the lists are compiled is tested as well as how they match. */
    private final LexiconDetector lists = new LexiconDetector(Lexicon.parse("""
            kinds:
              URGENCY:
                phrases: ["urgent", "ring me back", "ring me", "as soon", "soon as possible", "call me", "contact us"]
                ignore: ["urgent care", "emergency contact", "me maybe"]
                negators: ["not", "Won't"]
              PICKUP_DROPOFF:
                phrases: ["pick @pron up", "drop @name off", "collect * at @time"]
              MEDICATION_CHANGE:
                phrases: ["inhaler"]
                needs: ["new|changed"]
              ABUSE:
                phrases: ["@masked"]
              ABSENCE:
                phrases: ["off for @num days", "contact me"]
            wordClasses:
              pron: [him, her, them, he, she, they]
              time: [today, tomorrow, tmrw, tmr, tmoz, tonight, noon, lunchtime, lunch, monday, tuesday, wednesday,
                thursday, friday, mon, tue, tues, wed, thu, thur, thurs, fri, midday, morning, afternoon, half]
            """));

    private static List<String> found(LexiconDetector detector, String text, FindingKind kind, boolean... names) {
        Tokens t = Tokens.of(text);
        boolean[] isName = new boolean[t.size()];
        for (int i = 0; i < names.length; i++) {
            isName[i] = names[i];
        }
        List<Finding> out = new ArrayList<>();
        detector.detect(t, isName, out);
        return out.stream().filter(f -> f.kind() == kind).map(f -> text.substring(f.start(), f.end())).toList();
    }

    private List<String> urgent(String text) {
        return found(lists, text, FindingKind.URGENCY);
    }

    // ------------------------------------------------------------ triggers

    @Test
    void a_trigger_is_found_with_the_offsets_of_its_first_and_last_word() {
        Tokens t = Tokens.of("Please, ring me back!");
        List<Finding> out = new ArrayList<>();
        lists.detect(t, new boolean[t.size()], out);
        assertThat(out).containsExactly(Finding.span(FindingKind.URGENCY, 8, 20));
    }

    @Test
    void every_separate_occurrence_is_found() {
        assertThat(urgent("urgent urgent, URGENT")).containsExactly("urgent", "urgent", "URGENT");
    }

    @Test
    void the_longest_phrase_at_a_word_wins_over_the_shorter_ones_inside_it() {
        assertThat(urgent("ring me back now")).containsExactly("ring me back");
        assertThat(urgent("ring me now")).containsExactly("ring me");
    }

    @Test
    void a_phrase_that_overlaps_one_already_found_is_dropped() {
        assertThat(urgent("as soon as possible")).containsExactly("as soon");
        assertThat(urgent("soon as possible")).containsExactly("soon as possible");
    }

    @Test
    void a_phrase_is_never_found_across_a_sentence_break() {
        assertThat(urgent("ring. me back")).isEmpty();
        assertThat(urgent("ring me. back")).containsExactly("ring me");
    }

    // -------------------------------------------------- cancelling phrases

    @Test
    void a_cancelling_phrase_cancels_a_trigger_it_overlaps_at_either_end() {
        assertThat(urgent("the urgent care centre")).isEmpty();
        assertThat(urgent("call me maybe")).as("the trigger's last word starts the cancelling phrase").isEmpty();
        assertThat(urgent("emergency contact us")).as("the trigger's first word ends the cancelling phrase").isEmpty();
    }

    @Test
    void a_cancelling_phrase_leaves_other_triggers_alone() {
        assertThat(urgent("urgent care is urgent")).containsExactly("urgent");
        assertThat(urgent("call me, not maybe")).containsExactly("call me");
    }

    @Test
    void a_cancelling_phrase_only_cancels_its_own_kind() {
        assertThat(found(lists, "contact me", FindingKind.ABSENCE)).containsExactly("contact me");
        assertThat(found(lists, "contact me maybe", FindingKind.ABSENCE)).containsExactly("contact me");
        assertThat(found(lists, "emergency contact me", FindingKind.ABSENCE)).containsExactly("contact me");
    }

    // ------------------------------------------------------------ negation

    @Test
    void a_negator_up_to_three_words_before_cancels_the_trigger() {
        assertThat(urgent("not urgent")).isEmpty();
        assertThat(urgent("not really very urgent")).isEmpty();
        assertThat(urgent("won't be urgent")).as("negators are folded like keys").isEmpty();
    }

    @Test
    void a_negator_further_back_after_or_in_another_sentence_does_not_cancel() {
        assertThat(urgent("not at all really urgent")).containsExactly("urgent");
        assertThat(urgent("urgent not")).containsExactly("urgent");
        assertThat(urgent("I am not. Urgent")).containsExactly("Urgent");
    }

    @Test
    void a_negator_only_cancels_its_own_kind() {
        assertThat(found(lists, "not contact me", FindingKind.ABSENCE)).containsExactly("contact me");
    }

    // --------------------------------------------------------------- needs

    @Test
    void a_trigger_that_needs_another_phrase_counts_only_with_it_in_the_same_sentence() {
        assertThat(found(lists, "her new inhaler", FindingKind.MEDICATION_CHANGE)).containsExactly("inhaler");
        assertThat(found(lists, "the inhaler is changed", FindingKind.MEDICATION_CHANGE)).containsExactly("inhaler");
        assertThat(found(lists, "her inhaler", FindingKind.MEDICATION_CHANGE)).isEmpty();
        assertThat(found(lists, "it is new. Her inhaler", FindingKind.MEDICATION_CHANGE)).isEmpty();
        assertThat(found(lists, "her inhaler. A new one", FindingKind.MEDICATION_CHANGE)).isEmpty();
    }

    // ------------------------------------------------------- word classes

    @Test
    void a_pronoun_slot_takes_a_pronoun_or_a_name() {
        assertThat(found(lists, "pick him up", FindingKind.PICKUP_DROPOFF)).containsExactly("pick him up");
        assertThat(found(lists, "pick them up", FindingKind.PICKUP_DROPOFF)).containsExactly("pick them up");
        assertThat(found(lists, "pick Tom up", FindingKind.PICKUP_DROPOFF, false, true)).containsExactly("pick Tom up");
        assertThat(found(lists, "pick Tom up", FindingKind.PICKUP_DROPOFF)).isEmpty();
        assertThat(found(lists, "pick leaflets up", FindingKind.PICKUP_DROPOFF)).isEmpty();
    }

    @Test
    void a_name_slot_takes_only_a_name() {
        assertThat(found(lists, "drop Ava off", FindingKind.PICKUP_DROPOFF, false, true)).containsExactly("drop Ava off");
        assertThat(found(lists, "drop her off", FindingKind.PICKUP_DROPOFF)).isEmpty();
    }

    @Test
    void a_time_slot_takes_a_number_or_a_time_word_and_a_star_takes_any_word() {
        assertThat(found(lists, "collect Ava at 3:15", FindingKind.PICKUP_DROPOFF)).containsExactly("collect Ava at 3:15");
        assertThat(found(lists, "collect them at lunchtime", FindingKind.PICKUP_DROPOFF)).containsExactly("collect them at lunchtime");
        assertThat(found(lists, "collect them at school", FindingKind.PICKUP_DROPOFF)).isEmpty();
    }

    @Test
    void a_number_slot_takes_only_a_number() {
        assertThat(found(lists, "off for 3 days", FindingKind.ABSENCE)).containsExactly("off for 3 days");
        assertThat(found(lists, "off for two days", FindingKind.ABSENCE)).isEmpty();
        assertThat(found(lists, "off for today days", FindingKind.ABSENCE)).isEmpty();
    }

    @Test
    void a_masked_slot_takes_a_word_with_stars_inside_it() {
        assertThat(found(lists, "you f***ing tw*t, 5*5 stars", FindingKind.ABUSE)).containsExactly("f***ing", "tw*t");
    }

    // ---------------------------------------------------- compiling lists

    @Test
    void a_word_list_with_an_unknown_word_class_is_refused() {
        assertThatThrownBy(() -> new LexiconDetector(Lexicon.parse("kinds: {URGENCY: {phrases: [\"ring @nobody\"]}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@nobody");
    }

    @Test
    void a_word_list_with_an_empty_or_overlong_phrase_is_refused() {
        assertThatThrownBy(() -> new LexiconDetector(Lexicon.parse("kinds: {URGENCY: {phrases: [\"  \"]}}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LexiconDetector(Lexicon.parse("kinds: {URGENCY: {phrases: [\"a b c d e f g h i\"]}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 8 words");
        LexiconDetector eight = new LexiconDetector(Lexicon.parse("kinds: {URGENCY: {phrases: [\"a b c d e f g h\"]}}"));
        assertThat(found(eight, "a b c d e f g h", FindingKind.URGENCY)).containsExactly("a b c d e f g h");
    }

    @Test
    void a_list_without_negators_or_needs_finds_every_trigger() {
        LexiconDetector plain = new LexiconDetector(Lexicon.parse("kinds: {URGENCY: {phrases: [urgent]}}"));
        assertThat(found(plain, "not urgent", FindingKind.URGENCY)).containsExactly("urgent");
    }

    // ---------------------------------------------------- built-in lists

    @Test
    void the_built_in_lists_find_a_negated_and_a_cancelled_trigger_apart_from_a_real_one() {
        LexiconDetector builtIn = new LexiconDetector(Lexicon.builtIn());
        assertThat(found(builtIn, "URGENT please ring me back", FindingKind.URGENCY)).containsExactly("URGENT", "ring me back");
        assertThat(found(builtIn, "Not urgent at all", FindingKind.URGENCY)).isEmpty();
        assertThat(found(builtIn, "my emergency contact details", FindingKind.URGENCY)).isEmpty();
    }
}
