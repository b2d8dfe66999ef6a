package dev.hallpass.detect;

import dev.hallpass.fixtures.Lexicons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.detect.DetectorConfig.WordList;
import dev.hallpass.facts.FindingKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading word lists and extending them with a school's own: what ends up in which list. */
final class LexiconTest {
    private static final String YAML = Lexicons.text("every-list.yaml");

    @Test
    void every_list_of_every_kind_is_read_as_written() {
        Lexicon.KindWords urgency = Lexicon.parse(YAML).kinds().get(FindingKind.URGENCY);
        assertThat(urgency.phrases()).containsExactly("urgent", "asap");
        assertThat(urgency.ignore()).containsExactly("urgent care");
        assertThat(urgency.negators()).containsExactly("not");
        assertThat(urgency.needs()).containsExactly("today");
        assertThat(Lexicon.parse(YAML).kinds()).containsOnlyKeys(FindingKind.URGENCY, FindingKind.ABUSE);
        assertThat(Lexicon.parse(YAML).schoolLists()).isEmpty();
    }

    @Test
    void name_words_are_folded_to_keys_and_introducers_are_kept_as_phrases() {
        Lexicon.NameWords n = Lexicon.parse(YAML).names();
        assertThat(n.wordNames()).containsExactlyInAnyOrder("will", "zoes");
        assertThat(n.titles()).containsExactly("mrs");
        assertThat(n.introducers()).containsExactly("My Son");
        assertThat(n.relations()).containsExactly("mum");
        assertThat(n.notNames()).containsExactly("christmas");
        assertThat(n.notAfterWordName()).containsExactly("you");
        assertThat(n.monthContext()).containsExactly("in");
        assertThat(n.timeNames()).containsExactly("may");
        assertThat(n.nameFollowers()).containsExactly("was");
    }

    @Test
    void word_lists_that_are_not_yaml_are_refused_with_the_line_and_column() {
        assertThatThrownBy(() -> Lexicon.parse("kinds:\n  URGENCY: [unclosed\n"))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining("not valid YAML at line ");
    }

    @Test
    void a_bare_no_is_refused_with_a_hint_to_quote_it_and_a_quoted_one_is_the_word_no() {
        // YAML reads a bare no as false: the negator "no" had silently become the word "false".
        assertThatThrownBy(() -> Lexicon.parse("kinds: {URGENCY: {phrases: [urgent], negators: [not, no]}}"))
                .hasMessageContaining("kinds.URGENCY.negators[1]: a bare yes, no, on, off, true or false is read as true/false");
        assertThat(Lexicon.parse("kinds: {URGENCY: {phrases: [urgent], negators: [not, \"no\"]}}").kinds()
                .get(FindingKind.URGENCY).negators()).containsExactly("not", "no");
    }

    @Test
    void a_kind_that_is_not_a_finding_kind_is_refused_by_name() {
        assertThatThrownBy(() -> Lexicon.parse("kinds: {URGENT: {phrases: [urgent]}}"))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining("lexicon.yaml: kinds.URGENT: not a finding kind");
    }

    @Test
    void no_school_lists_leave_the_lexicon_as_it_is() {
        Lexicon lexicon = Lexicon.parse(YAML);
        assertThat(lexicon.extendedBy(Map.of())).isSameAs(lexicon);
    }

    @Test
    void a_school_list_named_like_a_kind_adds_to_that_kind_and_keeps_the_rest() {
        Lexicon extended = Lexicon.parse(YAML).extendedBy(Map.of("URGENCY", new WordList(List.of("code red"), List.of("urgent care centre"))));
        Lexicon.KindWords urgency = extended.kinds().get(FindingKind.URGENCY);
        assertThat(urgency.phrases()).containsExactly("urgent", "asap", "code red");
        assertThat(urgency.ignore()).containsExactly("urgent care", "urgent care centre");
        assertThat(urgency.negators()).containsExactly("not");
        assertThat(urgency.needs()).containsExactly("today");
        assertThat(extended.kinds().get(FindingKind.ABUSE).phrases()).containsExactly("idiot");
        assertThat(extended.schoolLists()).isEmpty();
        assertThat(extended.names()).isEqualTo(Lexicon.parse(YAML).names());
    }

    @Test
    void a_school_list_for_a_kind_with_no_built_in_words_starts_from_nothing() {
        Lexicon extended = Lexicon.parse(YAML).extendedBy(Map.of("HEALTH", new WordList(List.of("nits"), List.of())));
        assertThat(extended.kinds().get(FindingKind.HEALTH).phrases()).containsExactly("nits");
        assertThat(extended.kinds().get(FindingKind.HEALTH).negators()).isEmpty();
    }

    @Test
    void a_school_list_with_a_name_of_its_own_is_kept_apart_and_grows_when_extended_again() {
        Lexicon once = Lexicon.parse(YAML).extendedBy(Map.of("SELLING", new WordList(List.of("for sale"), List.of())));
        assertThat(once.schoolLists()).containsOnlyKeys("SELLING");
        assertThat(once.schoolLists().get("SELLING").phrases()).containsExactly("for sale");
        assertThat(once.kinds()).doesNotContainKey(FindingKind.SCHOOL_WORDS);

        Lexicon twice = once.extendedBy(Map.of("SELLING", new WordList(List.of("raffle"), List.of("raffle results"))));
        assertThat(twice.schoolLists().get("SELLING").phrases()).containsExactly("for sale", "raffle");
        assertThat(twice.schoolLists().get("SELLING").ignore()).containsExactly("raffle results");
    }

    // ------------------------------------------------- reading like a profile

    @Test
    void a_bad_entry_is_refused_with_the_file_and_its_field_path() {
        assertThatThrownBy(() -> Lexicon.parse("kinds: {URGENCY: {phrases: [urgent, asap, soon, \"  \", {a: b}]}}"))
                .isInstanceOf(LexiconException.class)
                .satisfies(e -> assertThat(((LexiconException) e).problems()).containsExactly(
                        "lexicon.yaml: kinds.URGENCY.phrases[3]: must be a non-empty string",
                        "lexicon.yaml: kinds.URGENCY.phrases[4]: must be a non-empty string"));
    }

    @Test
    void unknown_keys_are_refused_at_every_level() {
        assertThatThrownBy(() -> Lexicon.parse("""
                kind: {}
                kinds: {URGENCY: {phrase: [urgent]}}
                names: {wordnames: [will]}
                personalData: {month: [may]}
                """))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining("lexicon.yaml: kind: unknown field (expected one of kinds, names, wordClasses, personalData)")
                .hasMessageContaining("lexicon.yaml: kinds.URGENCY.phrase: unknown field")
                .hasMessageContaining("lexicon.yaml: names.wordnames: unknown field")
                .hasMessageContaining("lexicon.yaml: personalData.month: unknown field");
    }

    @Test
    void a_key_given_twice_or_a_list_where_a_section_belongs_is_refused_by_path() {
        assertThatThrownBy(() -> Lexicon.parse("kinds:\n  URGENCY: {phrases: [a]}\n  URGENCY: {phrases: [b]}\n"))
                .isInstanceOf(LexiconException.class)
                .hasMessage("lexicon.yaml: kinds.URGENCY: duplicate key");
        assertThatThrownBy(() -> Lexicon.parse("personalData: [months]"))
                .hasMessage("lexicon.yaml: personalData: must be an object");
        assertThatThrownBy(() -> Lexicon.parse("personalData: {months: may}"))
                .hasMessage("lexicon.yaml: personalData.months: must be a list");
    }

    @Test
    void a_file_over_the_readers_size_limit_is_refused_before_it_is_parsed() {
        String huge = "kinds: {URGENCY: {phrases: [" + "x, ".repeat(dev.hallpass.yaml.Yaml.MAX_CHARS / 3 + 1) + "x]}}";
        assertThatThrownBy(() -> Lexicon.parse(huge)).isInstanceOf(LexiconException.class)
                .hasMessageStartingWith("lexicon.yaml: (root): larger than ");
    }

    @Test
    void the_personal_data_and_word_class_lists_are_read_in_their_recognizers_case() {
        Lexicon l = Lexicon.parse("""
                wordClasses: {pron: [Him], time: ["Tmr"]}
                personalData: {months: [March], ordinalSuffixes: [ND], birthCues: [DOB], birthGapWords: ["On"],
                  postcodeAreas: [ls], streetSuffixes: [Road], notStreetNameWords: ["I'm"], notHouseNumberAfter: [Year]}
                """);
        assertThat(l.classes().pron()).containsExactly("him");
        assertThat(l.classes().time()).containsExactly("tmr");
        assertThat(l.personal().months()).containsExactly("march");
        assertThat(l.personal().ordinalSuffixes()).containsExactly("nd");
        assertThat(l.personal().birthCues()).containsExactly("dob");
        assertThat(l.personal().birthGapWords()).containsExactly("on");
        assertThat(l.personal().postcodeAreas()).containsExactly("LS");
        assertThat(l.personal().streetSuffixes()).containsExactly("road");
        assertThat(l.personal().notStreetNameWords()).containsExactly("i'm");
        assertThat(l.personal().notHouseNumberAfter()).containsExactly("year");
    }
}
