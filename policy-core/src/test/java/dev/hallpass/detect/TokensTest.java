package dev.hallpass.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a message is cut into words: what each word's offsets, key, base, flags and sentence are. */
final class TokensTest {

    private static List<String> raws(String text) {
        Tokens t = Tokens.of(text);
        return IntStream.range(0, t.size()).mapToObj(t::raw).toList();
    }

    private static List<String> keys(String text) {
        Tokens t = Tokens.of(text);
        return IntStream.range(0, t.size()).mapToObj(t::key).toList();
    }

    private static List<Integer> sentences(String text) {
        Tokens t = Tokens.of(text);
        return IntStream.range(0, t.size()).mapToObj(t::sentence).toList();
    }

    // ------------------------------------------------------------- words

    @Test
    void words_are_cut_at_spaces_and_punctuation_with_their_utf16_offsets() {
        Tokens t = Tokens.of("Hi, Tom (Y2)!");
        assertThat(t.size()).isEqualTo(3);
        assertThat(List.of(t.start(0), t.end(0), t.start(1), t.end(1), t.start(2), t.end(2)))
                .containsExactly(0, 2, 4, 7, 9, 11);
        assertThat(raws("Hi, Tom (Y2)!")).containsExactly("Hi", "Tom", "Y2");
    }

    @Test
    void text_with_no_letters_or_digits_has_no_words() {
        assertThat(Tokens.of("").size()).isZero();
        assertThat(Tokens.of(" ... !? -- ' * ").size()).isZero();
    }

    @Test
    void apostrophes_and_hyphens_join_letters_but_not_digits_or_spaces() {
        assertThat(raws("won't absent-minded Zoë’s non\u2010stop co\u2011op"))
                .containsExactly("won't", "absent-minded", "Zoë’s", "non\u2010stop", "co\u2011op");
        assertThat(raws("3-2 win")).containsExactly("3", "2", "win");
        assertThat(raws("a- b 'quoted' end-")).containsExactly("a", "b", "quoted", "end");
        assertThat(raws("rock-'n")).containsExactly("rock", "n");
    }

    @Test
    void a_dot_or_colon_joins_digits_but_not_letters() {
        assertThat(raws("at 3:15 or 2.15 end.Next a:b 1.a"))
                .containsExactly("at", "3:15", "or", "2.15", "end", "Next", "a", "b", "1", "a");
        assertThat(raws("12.")).containsExactly("12");
    }

    @Test
    void masking_stars_join_after_a_letter_even_at_the_end_of_the_text() {
        assertThat(raws("f***ing tw*t sh**")).containsExactly("f***ing", "tw*t", "sh**");
        assertThat(raws("5*5 *hi")).containsExactly("5", "5", "hi");
    }

    @Test
    void combining_accents_stay_inside_the_word_they_mark() {
        String decomposed = "Zoe\u0308 came";
        assertThat(raws(decomposed)).containsExactly("Zoe\u0308", "came");
        assertThat(keys(decomposed)).containsExactly("zoe", "came");
        // A spacing combining mark (Devanagari vowel sign) belongs to its word too.
        assertThat(raws("\u0915\u093E x")).containsExactly("\u0915\u093E", "x");
    }

    @Test
    void more_words_than_the_first_allocation_keep_every_field() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(i % 10 == 0 ? "Tom's. " : "a "); // short words: more tokens than the arrays start with
        }
        Tokens t = Tokens.of(text.toString());
        assertThat(t.size()).isEqualTo(100);
        int last = 90;
        assertThat(t.raw(last)).isEqualTo("Tom's");
        assertThat(t.key(last)).isEqualTo("toms");
        assertThat(t.base(last)).isEqualTo("tom");
        assertThat(t.sentence(last)).isEqualTo(9);
        assertThat(t.has(last, Tokens.POSSESSIVE)).isTrue();
        assertThat(t.has(last, Tokens.CAPITALISED)).isTrue();
        assertThat(t.start(99)).isEqualTo(text.length() - 2);
        assertThat(t.end(99)).isEqualTo(text.length() - 1);
        assertThat(t.sentence(99)).isEqualTo(10);
        assertThat(t.has(91, Tokens.SENTENCE_START)).isTrue();
    }

    // ------------------------------------------------------- key and base

    @Test
    void the_key_is_lower_case_without_accents_or_apostrophes() {
        assertThat(keys("Won’t ZOË'S Siobhán naïve URGENT")).containsExactly("wont", "zoes", "siobhan", "naive", "urgent");
    }

    @Test
    void the_base_leaves_out_a_possessive_s_in_any_case_or_apostrophe() {
        Tokens t = Tokens.of("Tom's TOM'S Zoë’s it's Tom'd bus");
        assertThat(IntStream.range(0, t.size()).mapToObj(t::base).toList())
                .containsExactly("tom", "tom", "zoe", "it", "tomd", "bus");
        assertThat(IntStream.range(0, t.size()).mapToObj(i -> t.has(i, Tokens.POSSESSIVE)).toList())
                .containsExactly(true, true, true, true, false, false);
    }

    @Test
    void an_apostrophe_earlier_in_the_word_does_not_make_it_possessive() {
        Tokens t = Tokens.of("o'sullivan rock'n'roll's");
        assertThat(t.has(0, Tokens.POSSESSIVE)).isFalse();
        assertThat(t.base(0)).isEqualTo("osullivan");
        assertThat(t.has(1, Tokens.POSSESSIVE)).isTrue();
        assertThat(t.base(1)).isEqualTo("rocknroll");
    }

    @Test
    void a_word_that_is_only_an_s_is_not_a_possessive() {
        Tokens t = Tokens.of("s S");
        assertThat(t.has(0, Tokens.POSSESSIVE)).isFalse();
        assertThat(t.base(0)).isEqualTo("s");
        assertThat(t.base(1)).isEqualTo("s");
    }

    @Test
    void folding_keeps_ascii_as_lower_case_and_strips_every_kind_of_mark() {
        assertThat(Tokens.fold("ABC def")).isEqualTo("abc def");
        assertThat(Tokens.fold("Chloé’s")).isEqualTo("chloe's");
        assertThat(Tokens.fold("e\u0301\u0903\u20DD")).as("non-spacing, spacing and enclosing marks").isEqualTo("e");
        assertThat(Tokens.fold("ß")).isEqualTo("ß");
        assertThat(Tokens.fold("ÉÈ")).as("a word with no ascii letter at all").isEqualTo("ee");
        assertThat(Tokens.foldKey("Won't")).isEqualTo("wont");
    }

    // ---------------------------------------------------------------- flags

    @Test
    void capitals_all_caps_and_numbers_are_flagged() {
        Tokens t = Tokens.of("Tom URGENT I tom PE2 McD 7pm");
        assertThat(t.has(0, Tokens.CAPITALISED)).isTrue();
        assertThat(t.has(0, Tokens.ALL_CAPS)).isFalse();
        assertThat(t.has(1, Tokens.CAPITALISED)).isTrue();
        assertThat(t.has(1, Tokens.ALL_CAPS)).isTrue();
        assertThat(t.has(2, Tokens.ALL_CAPS)).as("a one-letter capital is not shouting").isFalse();
        assertThat(t.has(2, Tokens.CAPITALISED)).isTrue();
        assertThat(t.has(3, Tokens.CAPITALISED)).isFalse();
        assertThat(t.has(3, Tokens.ALL_CAPS)).isFalse();
        assertThat(t.has(4, Tokens.ALL_CAPS)).as("digits are ignored").isTrue();
        assertThat(t.has(5, Tokens.ALL_CAPS)).isFalse();
        assertThat(t.has(6, Tokens.NUMERIC)).isTrue();
        assertThat(t.has(6, Tokens.CAPITALISED)).isFalse();
        assertThat(t.has(0, Tokens.NUMERIC)).isFalse();
    }

    @Test
    void only_the_first_word_of_each_sentence_is_flagged_as_its_start() {
        Tokens t = Tokens.of("Hello there. Will you come");
        List<Boolean> starts = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            starts.add(t.has(i, Tokens.SENTENCE_START));
        }
        assertThat(starts).containsExactly(true, false, true, false, false);
    }

    // ------------------------------------------------------------ sentences

    @Test
    void sentences_end_at_full_stops_question_and_exclamation_marks_new_lines_and_semicolons() {
        assertThat(sentences("a. b! c? d\ne; f, g")).containsExactly(0, 1, 2, 3, 4, 5, 5);
    }

    @Test
    void a_run_of_sentence_marks_ends_only_one_sentence() {
        assertThat(sentences("Hi!!! ...there?! \n\n ok")).containsExactly(0, 1, 2);
        assertThat(sentences("... Hello")).containsExactly(0);
    }

    @Test
    void a_full_stop_right_after_a_title_or_abbreviation_does_not_end_the_sentence() {
        assertThat(sentences("Mr. Smith and Dr. Jones, e.g. Tom. Next")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(sentences("Mrs. Ms. St. Mx. eg. ie. x")).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(sentences("Mr . Smith")).as("a stop after a space is a stop").containsExactly(0, 1);
        assertThat(sentences("Mr! Smith")).containsExactly(0, 1);
    }

    @Test
    void the_ascii_fast_path_gives_every_token_the_same_key_base_flags_and_offsets_as_the_general_path() {
        List<String> pieces = List.of("Amelia", "amelia's", "AMELIA'S", "Zoë's", "won't", "O'Neil", "s", "'s", "Jo's", "IT'S",
                "A", "I", "ok", "OK", "3:15", "2.5", "f***", "drop-off", "x".repeat(70), "X".repeat(64), "Tom’s", "naïve",
                "e.g.", "Mr.", "7B", "b6", " ", "  ", ".", "\n", "!", "'", "-", "*", "ﬁne", "İstanbul", "ß", "Ǆ", "🙂",
                "the", "Class's", "TEACHER'S", "Will", "café", "it's", "Hi");
        qt().withExamples(3_000).forAll(lists().of(arbitrary().pick(pieces)).ofSizeBetween(0, 12))
                .checkAssert(parts -> {
                    String text = String.join("", parts);
                    Tokens fast = Tokens.of(text, true);
                    Tokens general = Tokens.of(text, false);
                    assertThat(fast.size()).as(text).isEqualTo(general.size());
                    for (int i = 0; i < fast.size(); i++) {
                        assertThat(List.of(fast.start(i), fast.end(i), fast.sentence(i)))
                                .as("%s token %d", text, i).isEqualTo(List.of(general.start(i), general.end(i), general.sentence(i)));
                        assertThat(fast.key(i)).as("%s key %d", text, i).isEqualTo(general.key(i));
                        assertThat(fast.base(i)).as("%s base %d", text, i).isEqualTo(general.base(i));
                        assertThat(List.of(fast.keyId(i), fast.baseId(i))).as("%s ids %d", text, i)
                                .isEqualTo(List.of(general.keyId(i), general.baseId(i)));
                        for (int flag : new int[] {Tokens.CAPITALISED, Tokens.ALL_CAPS, Tokens.SENTENCE_START, Tokens.POSSESSIVE, Tokens.NUMERIC,
                            Tokens.INNER_CAPITAL}) {
                            assertThat(fast.has(i, flag)).as("%s flag %d of %d", text, flag, i).isEqualTo(general.has(i, flag));
                        }
                    }
                });
    }

    @Test
    void a_common_words_key_and_base_carry_its_vocabulary_id_and_any_other_word_carries_none() {
        Tokens t = Tokens.of("The teacher's Amelia Khan's café won't 07700 class");
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.keyId(i)).as("key %s", t.key(i)).isEqualTo(Vocabulary.id(t.key(i)));
            assertThat(t.baseId(i)).as("base %s", t.base(i)).isEqualTo(Vocabulary.id(t.base(i)));
            if (t.keyId(i) != Vocabulary.NONE) {
                assertThat(Vocabulary.word(t.keyId(i))).isEqualTo(t.key(i));
            }
        }
        assertThat(t.keyId(0)).as("the").isNotEqualTo(Vocabulary.NONE);
        assertThat(t.baseId(1)).as("teacher, the base of teacher's").isNotEqualTo(Vocabulary.NONE);
        assertThat(t.keyId(2)).as("amelia").isEqualTo(Vocabulary.NONE);
        assertThat(Vocabulary.id("class")).isNotEqualTo(Vocabulary.id("the"));
    }

    @Test
    void thousands_of_words_some_repeated_some_colliding_each_keep_their_own_key() {
        // Keys are shared between repeated words through a small table: collisions must never mix them up.
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String word = i % 3 == 0 && !words.isEmpty() ? words.get(random.nextInt(words.size()))
                    : "w" + Integer.toString(random.nextInt(1 << 20), 36) + "x" + (i % 7 == 0 ? "'s" : "") + (i % 11 == 0 ? "é" : "");
            words.add(word);
            text.append(i % 5 == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word).append(' ');
        }
        Tokens t = Tokens.of(text.toString());
        assertThat(t.size()).isEqualTo(words.size());
        for (int i = 0; i < t.size(); i++) {
            String raw = t.raw(i);
            assertThat(t.key(i)).as(raw).isEqualTo(Tokens.foldKey(raw));
            String possessive = raw.toLowerCase(java.util.Locale.ROOT).endsWith("'s") ? raw.substring(0, raw.length() - 2) : raw;
            assertThat(t.base(i)).as(raw).isEqualTo(Tokens.foldKey(possessive));
        }
    }
}
