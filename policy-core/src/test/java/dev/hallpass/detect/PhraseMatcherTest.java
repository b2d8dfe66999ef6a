package dev.hallpass.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.detect.PhraseMatcher.Entry;
import dev.hallpass.detect.PhraseMatcher.Match;
import dev.hallpass.detect.PhraseMatcher.Role;
import dev.hallpass.facts.FindingKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The phrase trie on its own: which token ranges each pattern matches. */
final class PhraseMatcherTest {
    private static final Entry URGENT = new Entry(FindingKind.URGENCY, "URGENCY", Role.TRIGGER);
    private static final Entry CANCEL = new Entry(FindingKind.URGENCY, "URGENCY", Role.IGNORE);
    private static final Set<String> CLASSES = Set.of("digit");

    private static List<String> matches(PhraseMatcher matcher, String text) {
        Tokens t = Tokens.of(text);
        return matcher.matchAll(t, (cls, i) -> cls.equals("digit") && t.has(i, Tokens.NUMERIC)).stream()
                .map(m -> m.entry().role() + " " + m.first() + ".." + m.last())
                .toList();
    }

    @Test
    void a_pattern_listed_twice_matches_once() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add("ring me", URGENT, CLASSES);
        matcher.add("ring  me ", URGENT, CLASSES);
        matcher.add("ring|ring me", URGENT, CLASSES);
        assertThat(matches(matcher, "please ring me")).containsExactly("TRIGGER 1..2");
    }

    @Test
    void one_pattern_may_carry_several_entries() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add("ring me", URGENT, CLASSES);
        matcher.add("ring me", CANCEL, CLASSES);
        assertThat(matches(matcher, "ring me")).containsExactly("TRIGGER 0..1", "IGNORE 0..1");
    }

    @Test
    void every_prefix_that_is_a_pattern_matches_at_every_token() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add("ring", URGENT, CLASSES);
        matcher.add("ring me", URGENT, CLASSES);
        matcher.add("ring me back", URGENT, CLASSES);
        assertThat(matches(matcher, "ring me back, ring"))
                .containsExactly("TRIGGER 0..0", "TRIGGER 0..1", "TRIGGER 0..2", "TRIGGER 3..3");
    }

    @Test
    void alternatives_a_star_and_a_class_each_match_one_word() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add("call|phone * at @digit", URGENT, CLASSES);
        assertThat(matches(matcher, "phone her at 3")).containsExactly("TRIGGER 0..3");
        assertThat(matches(matcher, "call Jo at 4")).containsExactly("TRIGGER 0..3");
        assertThat(matches(matcher, "call Jo at four")).isEmpty();
        assertThat(matches(matcher, "ring Jo at 4")).isEmpty();
    }

    @Test
    void a_word_of_a_pattern_is_folded_like_a_token_key() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add("Won’t Zoë", URGENT, CLASSES);
        assertThat(matches(matcher, "WONT zoe")).containsExactly("TRIGGER 0..1");
    }

    @Test
    void an_empty_too_long_or_unknown_class_pattern_is_refused() {
        PhraseMatcher matcher = new PhraseMatcher();
        assertThatThrownBy(() -> matcher.add(" ", URGENT, CLASSES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> matcher.add("1 2 3 4 5 6 7 8 9", URGENT, CLASSES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> matcher.add("at @time", URGENT, CLASSES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@time");
    }

    @Test
    void a_match_never_runs_past_the_end_of_the_text_or_of_its_sentence() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add("ring me", URGENT, CLASSES);
        matcher.add("* *", CANCEL, CLASSES);
        assertThat(matches(matcher, "ring")).isEmpty();
        assertThat(matches(matcher, "ring. me")).isEmpty();
        assertThat(matches(matcher, "a b. c")).containsExactly("IGNORE 0..1");
    }

    @Test
    void a_match_record_names_its_entry_and_token_range() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add("me", URGENT, CLASSES);
        Tokens t = Tokens.of("ring me");
        assertThat(matcher.matchAll(t, (cls, i) -> false)).containsExactly(new Match(URGENT, 1, 1));
    }
}
