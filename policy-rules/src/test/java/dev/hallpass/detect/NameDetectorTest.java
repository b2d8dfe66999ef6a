package dev.hallpass.detect;

import dev.hallpass.fixtures.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.DetectorFixtures;
import dev.hallpass.SchoolProfile;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The name detector on a roster of its own, with the built-in name word lists: which words are a
 * child's name, exactly which characters the finding covers, and which tokens it marks as names.
 */
final class NameDetectorTest {
    private static final SchoolProfile PROFILE = Profiles.named("brookfield-names.yaml");

    /** Built for each test, so that how the roster is compiled is tested as well as how it matches. */
    private final NameDetector detector = new NameDetector(DetectorFixtures.config(PROFILE), Lexicon.builtIn().names());

    /** The text of every name found, in order. */
    private List<String> names(String text) {
        return find(text).stream().map(f -> text.substring(f.start(), f.end())).toList();
    }

    private List<Finding> find(String text) {
        Tokens t = Tokens.of(text);
        List<Finding> out = new ArrayList<>();
        detector.detect(t, new boolean[t.size()], out);
        return out;
    }

    /** Which tokens the detector marks as names. */
    private List<Boolean> marks(String text) {
        Tokens t = Tokens.of(text);
        boolean[] isName = new boolean[t.size()];
        detector.detect(t, isName, new ArrayList<>());
        List<Boolean> out = new ArrayList<>();
        for (boolean b : isName) {
            out.add(b);
        }
        return out;
    }

    // ---------------------------------------------------------------- roster

    @Test
    void a_roster_name_is_found_as_a_child_name_span() {
        assertThat(find("Thanks Noah!")).containsExactly(Finding.span(FindingKind.CHILD_NAME, 7, 11));
    }

    @Test
    void a_name_at_the_very_start_or_end_of_the_text_is_found() {
        assertThat(names("Noah")).containsExactly("Noah");
        assertThat(names("Amelia Khan")).containsExactly("Amelia Khan");
        assertThat(names("well done Amelia")).containsExactly("Amelia");
    }

    @Test
    void the_longest_roster_name_wins_and_its_words_are_all_marked() {
        assertThat(names("Amelia Rose Khan, Amelia Khan and Amelia came")).containsExactly("Amelia Rose Khan", "Amelia Khan", "Amelia");
        assertThat(marks("hi Amelia Rose Khan ok")).containsExactly(false, true, true, true, false);
    }

    @Test
    void a_full_name_is_not_found_across_a_sentence_break() {
        assertThat(names("I saw Amelia. Khan was there")).containsExactly("Amelia");
    }

    @Test
    void a_first_name_and_an_alias_are_names_but_a_surname_alone_is_not() {
        assertThat(names("Millie, Khan or Taylor")).containsExactly("Millie");
    }

    @Test
    void a_possessive_is_found_without_its_s_whatever_the_apostrophe() {
        assertThat(names("Noah's coat and Amelia Khan’s bag")).containsExactly("Noah", "Amelia Khan");
        assertThat(names("Zoë's party")).containsExactly("Zoë");
    }

    @Test
    void names_are_found_in_any_case_and_without_accents() {
        assertThat(names("NOAH, noah, zoe brown and ZOË")).containsExactly("NOAH", "noah", "zoe brown", "ZOË");
    }

    @Test
    void a_name_after_a_title_is_a_member_of_staff() {
        assertThat(names("Mrs Khan, Miss Amelia and Mr. Noah")).isEmpty();
        assertThat(names("Miss Amelia Khan")).as("the surname alone is no roster name").isEmpty();
    }

    @Test
    void tokens_already_known_to_be_names_are_not_found_again() {
        Tokens t = Tokens.of("Noah and Millie");
        boolean[] isName = {true, false, false};
        List<Finding> out = new ArrayList<>();
        detector.detect(t, isName, out);
        assertThat(out).containsExactly(Finding.span(FindingKind.CHILD_NAME, 9, 15));
    }

    // ------------------------------------------------- names that are words

    @ParameterizedTest
    @ValueSource(strings = {
        "Well done Grace", "Grace was brilliant", "Grace and Noah", "Grace's coat is here", "We love May",
        "May was ill", "grace's mum here", "Summer's dad is here", "SUMMER'S MUM HERE", "ask Summer's nan",
        "hi. Grace has it", "Thanks to Grace! Grace is lovely"})
    void a_name_that_is_also_a_word_counts_where_it_is_used_as_a_name(String text) {
        assertThat(names(text)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "say grace", "GRACE PERIOD", "Grace period ends", "Grace", "May I ask", "in May", "early May we go",
        "trip on May 3", "see you May 3rd", "Summer's here", "May's newsletter", "grace's",
        "Summer's", "Summer's. Mum here", "thanks Grace you star"})
    void a_name_that_is_also_a_word_is_left_alone_where_it_is_the_word(String text) {
        assertThat(names(text)).isEmpty();
    }

    @Test
    void may_at_the_start_of_a_sentence_is_a_name_only_before_a_verb() {
        assertThat(names("May was first")).containsExactly("May");
        assertThat(names("May we come")).isEmpty();
        assertThat(names("Next May")).as("a month word before May").isEmpty();
        assertThat(names("Ask May 2 things")).as("a number after May").isEmpty();
        assertThat(names("Ask May later")).containsExactly("May");
    }

    // ------------------------------------------------- unlisted, by context

    @Test
    void a_capitalised_word_after_an_introducer_is_a_child() {
        assertThat(names("my son Tom lost his bag")).containsExactly("Tom");
        assertThat(names("this is my little girl Ava")).containsExactly("Ava");
        assertThat(names("mum to Kacper")).containsExactly("Kacper");
        assertThat(names("my son. Tom is here")).as("not across a sentence break").isEmpty();
    }

    @Test
    void a_lower_case_word_after_an_introducer_is_a_child_only_before_a_verb() {
        assertThat(names("my son tom lost his bag")).containsExactly("tom");
        assertThat(names("my son is off sick")).isEmpty();
        assertThat(names("my son tom")).as("nothing after it").isEmpty();
        assertThat(names("my son everyone said was tall")).as("a word that follows a word-name as a word").isEmpty();
        assertThat(names("my son really loved it")).as("a word that follows a name").isEmpty();
        assertThat(names("my son tom. was ill")).as("the verb is in the next sentence").isEmpty();
    }

    @Test
    void a_capitalised_possessive_before_a_relation_is_a_child() {
        assertThat(names("Ruby's mum here")).containsExactly("Ruby");
        assertThat(names("RUBY'S DAD")).containsExactly("RUBY");
        assertThat(names("ruby's mum")).as("lower case proves nothing").isEmpty();
        assertThat(names("Ruby's. Mum here")).isEmpty();
        assertThat(names("Ruby's")).isEmpty();
        assertThat(names("Ruby mum")).isEmpty();
    }

    @Test
    void words_that_are_never_names_are_not_introduced() {
        assertThat(names("my son I")).isEmpty();
        assertThat(names("The's mum")).isEmpty();
        assertThat(names("Mum's dad")).as("a relation").isEmpty();
        assertThat(names("my son 7 was ill")).isEmpty();
        assertThat(names("my son J")).as("one letter").isEmpty();
        assertThat(names("Brookfield's parents and Rowan's mum and Beech's dad")).as("the school and its classes").isEmpty();
        assertThat(names("Y6b's parents")).as("a class id").isEmpty();
    }

    @Test
    void a_capitalised_word_joined_by_and_to_a_name_just_found_is_a_child() {
        assertThat(names("my daughter Bella and Leo")).containsExactly("Bella", "Leo");
        assertThat(names("my daughter Bella (Yr2) and Leo")).containsExactly("Bella", "Leo");
        assertThat(names("Noah and Leo")).containsExactly("Noah", "Leo");
        assertThat(names("Noah and leo")).as("lower case").containsExactly("Noah");
        assertThat(names("Noah came in and Leo")).as("too far from the name").containsExactly("Noah");
        assertThat(names("Noah. And Leo")).as("not across a sentence break").containsExactly("Noah");
        assertThat(names("Noah and Leo. Hi there")).containsExactly("Noah", "Leo");
        assertThat(names("Hi and Leo")).as("no name before the and").isEmpty();
        assertThat(names("Noah and I")).containsExactly("Noah");
        assertThat(names("and Leo")).isEmpty();
    }

    @Test
    void an_introducer_with_no_words_in_the_lists_is_ignored() {
        Lexicon.NameWords words = Lexicon.parse("names: {introducers: [\"--\", my son], nameFollowers: [lost]}").names();
        NameDetector detector = new NameDetector(DetectorFixtures.config(PROFILE), words);
        Tokens t = Tokens.of("my son Tom lost it");
        List<Finding> out = new ArrayList<>();
        detector.detect(t, new boolean[t.size()], out);
        assertThat(out).containsExactly(Finding.span(FindingKind.CHILD_NAME, 7, 10));
    }

    @Test
    void a_word_after_a_title_is_never_introduced() {
        assertThat(names("Noah and Mrs Leo")).containsExactly("Noah");
        assertThat(names("Ruby's mum and Mr Ted's dad")).containsExactly("Ruby");
    }
}
