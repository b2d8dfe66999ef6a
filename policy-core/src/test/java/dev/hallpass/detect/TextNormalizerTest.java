package dev.hallpass.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The normaliser, step by step: what the recognizers read, and where each char of it came from in
 * what the sender typed.
 */
final class TextNormalizerTest {
    private static String normal(String text) {
        return TextNormalizer.normalize(text).text();
    }

    /** The original text a span [start, end) of the normalised text stands for. */
    private static String source(String text, String normalisedSpan) {
        NormalizedText n = TextNormalizer.normalize(text);
        int at = n.text().indexOf(normalisedSpan);
        assertThat(at).as("'%s' in '%s'", normalisedSpan, n.text()).isGreaterThanOrEqualTo(0);
        Finding f = n.toOriginal(Finding.span(FindingKind.CHILD_NAME, at, at + normalisedSpan.length()));
        return text.substring(f.start(), f.end());
    }

    @Test
    void plain_ascii_text_is_left_as_it_is_without_a_copy() {
        String text = "Thanks for a lovely trip, see you at 3:15 on Friday!";
        NormalizedText n = TextNormalizer.normalize(text);
        assertThat(n.changed()).isFalse();
        assertThat(n.text()).isSameAs(text);
    }

    @Test
    void invisible_characters_are_removed_and_the_span_keeps_them() {
        String text = "ask Mi\u200Bl\u00ADl\u2060ie\u200D's mum";
        assertThat(normal(text)).isEqualTo("ask Millie's mum");
        assertThat(source(text, "Millie")).isEqualTo("Mi\u200Bl\u00ADl\u2060ie\u200D");
    }

    @Test
    void bidi_controls_are_removed() {
        assertThat(normal("call \u202A07700\u202C 900123")).isEqualTo("call 07700 900123");
        assertThat(normal("Is\u2066la\u2069")).isEqualTo("Isla");
    }

    @Test
    void full_width_and_mathematical_letters_and_digits_become_ascii() {
        assertThat(normal("\uFF2D\uFF49\uFF4C\uFF4C\uFF49\uFF45")).isEqualTo("Millie");
        assertThat(normal("\uD835\uDC0C\uD835\uDC22\uD835\uDC25\uD835\uDC25\uD835\uDC22\uD835\uDC1E")).isEqualTo("Millie");
        assertThat(normal("\uFF10\uFF17\uFF17\uFF10\uFF10")).isEqualTo("07700");
        assertThat(source("\uFF10\uFF17\uFF17\uFF10\uFF10 900123", "07700 900123")).isEqualTo("\uFF10\uFF17\uFF17\uFF10\uFF10 900123");
    }

    @Test
    void digits_of_any_script_superscripts_circled_and_keycap_digits_become_ascii() {
        assertThat(normal("\u0660\u0667\u0667")).isEqualTo("077");
        assertThat(normal("\u06F0\u06F7\u06F7")).isEqualTo("077");
        assertThat(normal("\u0966\u096D\u096D")).isEqualTo("077");
        assertThat(normal("\u2070\u2077\u2077")).isEqualTo("077");
        assertThat(normal("\u2460\u2461")).isEqualTo("12");
        assertThat(normal("0\uFE0F\u20E37\uFE0F\u20E3")).isEqualTo("07");
    }

    @Test
    void look_alike_letters_in_a_latin_word_become_the_letters_they_imitate() {
        assertThat(normal("\u041C\u0456ll\u0456\u0435")).isEqualTo("Millie");
        assertThat(normal("\u0406sla")).isEqualTo("Isla");
        assertThat(normal("N\u03BFah")).isEqualTo("Noah");
        assertThat(normal("j\u043E@example.com")).isEqualTo("jo@example.com");
    }

    @Test
    void a_word_in_another_script_is_left_alone() {
        assertThat(normal("\u0441\u043F\u0430\u0441\u0438\u0431\u043E")).isEqualTo("\u0441\u043F\u0430\u0441\u0438\u0431\u043E");
        assertThat(normal("\u03B5\u03C5\u03C7\u03B1\u03C1\u03B9\u03C3\u03C4\u03CE")).isEqualTo("\u03B5\u03C5\u03C7\u03B1\u03C1\u03B9\u03C3\u03C4\u03CE");
        assertThat(normal("Zo\u00EB and Chlo\u00E9")).isEqualTo("Zo\u00EB and Chlo\u00E9");
    }

    @Test
    void a_word_hyphenated_across_a_line_break_is_joined() {
        assertThat(normal("Mil-\nlie is off")).isEqualTo("Millie is off");
        assertThat(source("Mil-\r\nlie is off", "Millie")).isEqualTo("Mil-\r\nlie");
        assertThat(normal("Year 3 -\nTrip")).isEqualTo("Year 3 -\nTrip");
    }

    @Test
    void spaced_out_letters_and_digits_are_joined() {
        assertThat(normal("M i l l i e was great")).isEqualTo("Millie was great");
        assertThat(normal("M.i.l.l.i.e")).isEqualTo("Millie");
        assertThat(normal("0 7 7 0 0 9 0 0 1 2 3")).isEqualTo("07700900123");
        assertThat(source("hi M i l l i e x", "Millie")).isEqualTo("M i l l i e");
        assertThat(normal("plan A or B")).isEqualTo("plan A or B");
        assertThat(normal("e.g. a.m.")).isEqualTo("e.g. a.m.");
    }

    @Test
    void letters_typed_for_digits_in_a_number_become_digits() {
        assertThat(normal("O77OO 9OOl23")).isEqualTo("07700 900123");
        assertThat(normal("o7700")).isEqualTo("07700");
        assertThat(normal("call O77OO-9OOl23 or O77OO9OOl23")).isEqualTo("call 07700-900123 or 07700900123");
        assertThat(normal("lovely to see Oll13 reading")).as("a name typed with digits stays for the name recognizer")
                .isEqualTo("lovely to see Oll13 reading");
        assertThat(normal("O2 and lol and IOU and Bob")).isEqualTo("O2 and lol and IOU and Bob");
    }

    @Test
    void an_email_spelled_with_words_is_written_as_one() {
        assertThat(normal("email jo at example dot com thanks")).isEqualTo("email jo@example.com thanks");
        assertThat(normal("jo [at] example [dot] co [dot] uk")).isEqualTo("jo@example.co.uk");
        assertThat(normal("jo(at)example(dot)org")).isEqualTo("jo@example.org");
        assertThat(normal("jo dot smith at example dot com")).isEqualTo("jo.smith@example.com");
        assertThat(normal("jo @ example . com")).isEqualTo("jo@example.com");
        assertThat(source("mail jo at example dot com.", "jo@example.com")).isEqualTo("jo at example dot com");
    }

    @Test
    void at_and_dot_in_ordinary_sentences_are_not_an_email() {
        assertThat(normal("see you at the park at 3")).isEqualTo("see you at the park at 3");
        assertThat(normal("I got it at amazon dot com")).isEqualTo("I got it at amazon dot com");
        assertThat(normal("Hi. jo at home now")).isEqualTo("Hi. jo at home now");
        assertThat(normal("jo@example.com")).isEqualTo("jo@example.com");
    }

    @Test
    void digits_spelled_as_words_become_digits() {
        assertThat(normal("ring oh seven seven double oh nine oh oh one two three")).isEqualTo("ring 07700900123");
        assertThat(normal("zero seven seven treble oh, nine one two three four")).isEqualTo("0770009 1234".replace(" ", ""));
        assertThat(normal("077 double oh 900 123")).isEqualTo("07700900123");
        assertThat(source("on oh seven seven double oh nine oh oh one two three pls", "07700900123"))
                .isEqualTo("oh seven seven double oh nine oh oh one two three");
    }

    @Test
    void a_few_number_words_are_left_alone() {
        assertThat(normal("oh no, one or two of them")).isEqualTo("oh no, one or two of them");
        assertThat(normal("one two three four five six")).isEqualTo("one two three four five six");
    }

    @Test
    void zalgo_marks_beyond_the_limit_are_dropped() {
        String zalgo = "a" + "\u0301".repeat(100);
        assertThat(normal(zalgo).length()).isLessThanOrEqualTo(1 + TextNormalizer.MAX_MARKS);
    }

    /** Random text of ASCII words (of two letters or more: single letters spaced out are joined) and spaces. */
    private static Gen<String> asciiText() {
        return SourceDSL.lists().of(SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 8))
                .ofSizeBetween(0, 12).map(words -> String.join(" ", words));
    }

    @Test
    void invisible_characters_anywhere_are_removed_and_every_char_maps_back_to_itself() {
        qt().forAll(asciiText(), SourceDSL.integers().between(0, 1000), Generate.pick(java.util.List.of("\u200B", "\u200D", "\u2060", "\u00AD", "\u202A", "\uFE0F")))
                .checkAssert((text, seed, invisible) -> {
                    java.util.Random random = new java.util.Random(seed);
                    StringBuilder typed = new StringBuilder();
                    for (char c : text.toCharArray()) {
                        if (random.nextInt(4) == 0) {
                            typed.append(invisible);
                        }
                        typed.append(c);
                    }
                    NormalizedText n = TextNormalizer.normalize(typed.toString());
                    assertThat(n.text()).isEqualTo(text);
                    for (int i = 0; i < n.text().length(); i++) {
                        assertThat(typed.charAt(n.originalStart(i))).isEqualTo(text.charAt(i));
                        // what follows it up to its end is the invisible characters typed after it
                        assertThat(typed.substring(n.originalStart(i) + 1, n.originalEnd(i)).replace(invisible, "")).isEmpty();
                    }
                });
    }

    @Test
    void the_map_back_is_inside_the_original_for_any_text_and_monotone_without_a_bidi_override() {
        qt().forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 60)).checkAssert(text -> {
            NormalizedText n = TextNormalizer.normalize(text);
            boolean override = text.indexOf('\u202E') >= 0;
            int last = 0;
            for (int i = 0; i < n.text().length(); i++) {
                assertThat(n.originalStart(i)).isBetween(override ? 0 : last, text.length() - 1);
                assertThat(n.originalEnd(i)).isBetween(n.originalStart(i) + 1, text.length());
                last = n.originalStart(i);
            }
        });
    }

    @Test
    void a_run_shown_reversed_by_a_right_to_left_override_is_read_as_shown() {
        String text = "\u202EeilliM\u202C's jumper";
        assertThat(normal(text)).isEqualTo("Millie's jumper");
        assertThat(source(text, "Millie")).isEqualTo("eilliM");
    }

    @Test
    void looser_look_alikes_and_dingbat_digits_are_read_too() {
        assertThat(normal("\u039C\u03BFh\u03B1mm\u03B5d")).isEqualTo("Mohammed");
        assertThat(normal("\u24FF\u277C\u277C")).isEqualTo("077");
    }

    @Test
    void keycap_marks_belong_to_the_digit_they_follow() {
        assertThat(source("07700 90012\uFE0F\u20E33\uFE0F\u20E3 x", "07700 900123")).isEqualTo("07700 90012\uFE0F\u20E33\uFE0F\u20E3");
    }

    /** Words and separators the word steps act on, in any order: single letters, digits, digit words, "at", "dot". */
    private static Gen<String> wordStepText() {
        Gen<String> token = Generate.pick(java.util.List.of("a", "b", "M", "i", "0", "7", "O", "o", "I", "l", "O77OO", "9OOl23", "seven",
                "oh", "double", "treble", "one", "two", "nine", "zero", "at", "AT", "[at]", "(dot)", "dot", "example", "com", "uk", "jo",
                "@", "Millie", "é", "ж", "07700", "900", "12"));
        Gen<String> separator = Generate.pick(java.util.List.of(" ", " ", "  ", ".", "-", " - ", ", ", "_", "/", "\n", "|", "", "+"));
        return SourceDSL.lists().of(token.zip(separator, (t, sep) -> t + sep)).ofSizeBetween(0, 24)
                .map(parts -> String.join("", parts));
    }

    @Test
    void the_pre_check_never_skips_a_step_that_would_change_the_text() {
        qt().withExamples(3000).forAll(wordStepText()).checkAssert(text -> {
            NormalizedText checked = TextNormalizer.normalize(text);
            NormalizedText every = TextNormalizer.normalizeEveryStep(text);
            assertThat(checked.text()).as("normalised '%s'", text).isEqualTo(every.text());
            for (int i = 0; i < every.text().length(); i++) {
                assertThat(checked.originalStart(i)).isEqualTo(every.originalStart(i));
                assertThat(checked.originalEnd(i)).isEqualTo(every.originalEnd(i));
            }
        });
    }

    @Test
    void the_pre_check_finds_nothing_to_do_in_ordinary_prose() {
        assertThat(TextNormalizer.wordSteps("Thanks so much for the lovely card, see you on Monday")).isZero();
        assertThat(TextNormalizer.wordSteps("M i l l i e")).isEqualTo(TextNormalizer.SPACED_OUT);
        assertThat(TextNormalizer.wordSteps("call O77OO")).isEqualTo(TextNormalizer.LETTERS_FOR_DIGITS);
        assertThat(TextNormalizer.wordSteps("oh seven seven double oh nine")).isEqualTo(TextNormalizer.SPELLED_DIGITS);
    }
}
