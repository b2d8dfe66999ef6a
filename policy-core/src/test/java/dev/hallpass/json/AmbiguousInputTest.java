package dev.hallpass.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.hallpass.InvalidMessageException;
import dev.hallpass.ProposedMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Contract §7.1: duplicate keys and near-miss field names fail closed; other unknown fields are ignored. */
final class AmbiguousInputTest {
    /** A valid message with {@code extra} spliced in at the top level, in the sender and in the attachment. */
    private static String message(String top, String sender, String attachment) {
        return "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"" + sender + "},"
                + "\"text\":\"Amelia Khan left her coat\",\"attachments\":[{\"type\":\"PHOTO\"" + attachment + "}],"
                + "\"sentAt\":\"2026-11-30T10:00:00Z\"" + top + "}";
    }

    private static String errorOf(String json) {
        try {
            MessageJson.parse(json);
        } catch (InvalidMessageException e) {
            return e.getMessage();
        }
        return null;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T10:00:00Z\"} | channel: duplicate key",
        "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\",\"role\":\"TEACHER\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T10:00:00Z\"} | sender.role: duplicate key",
        "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"attachments\":[{\"type\":\"PHOTO\"},{\"type\":\"PHOTO\",\"type\":\"OTHER\"}],\"sentAt\":\"2026-11-30T10:00:00Z\"} | attachments[1].type: duplicate key",
        "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T10:00:00Z\",\"meta\":{\"x\":[{\"k\":1,\"k\":2}]}} | meta.x[0].k: duplicate key",
    })
    void a_key_given_twice_anywhere_is_an_error_naming_its_path(String json, String error) {
        assertThat(errorOf(json)).isEqualTo(error);
    }

    @Test
    void a_duplicate_key_error_never_quotes_either_value() {
        String error = errorOf(message("", "", "") .replace("\"text\":", "\"text\":\"Amelia Khan 07700 900123\",\"text\":"));
        assertThat(error).isEqualTo("text: duplicate key").doesNotContain("Amelia").doesNotContain("07700");
    }

    @Test
    void a_duplicated_key_made_of_free_text_is_not_echoed() {
        String error = errorOf(message(",\"Amelia Khan\":1,\"Amelia Khan\":2", "", ""));
        assertThat(error).isEqualTo("(key): duplicate key");
    }

    @Test
    void a_near_miss_that_is_not_plain_letters_and_digits_is_shown_as_key() {
        assertThat(errorOf(message(",\"class\u0abdId\":\"oak\"", "", ""))).isEqualTo("(key): unknown field (did you mean classId?)");
        assertThat(errorOf(message(",\"sent_at\":\"x\"", "", ""))).isEqualTo("(key): unknown field (did you mean sentAt?)");
    }

    @Test
    void the_id_of_a_line_with_a_duplicate_elsewhere_is_still_recovered_but_not_a_duplicated_id() {
        assertThat(MessageJson.idOf(message(",\"channel\":\"PRIVATE_CHAT\"", "", ""))).isEqualTo("m-1");
        assertThat(MessageJson.idOf(message(",\"id\":\"m-2\"", "", ""))).isNull();
    }

    @Test
    void a_test_case_line_with_a_duplicate_key_names_its_path_under_message() {
        String line = "{\"message\":" + message("", ",\"role\":\"TEACHER\"", "") + ",\"expect\":{\"outcome\":\"ALLOW\"}}";
        assertThatThrownBy(() -> PolicyCase.parse(line)).isInstanceOf(InvalidMessageException.class)
                .hasMessage("message.sender.role: duplicate key");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        ",\"attachements\":[] | | | attachements: unknown field (did you mean attachments?)",
        ",\"classID\":\"oak\" | | | classID: unknown field (did you mean classId?)",
        ",\"sentat\":\"2026-11-30T10:00:00Z\" | | | sentat: unknown field (did you mean sentAt?)",
        ",\"Text\":\"x\" | | | Text: unknown field (did you mean text?)",
        ",\"chanel\":\"x\" | | | chanel: unknown field (did you mean channel?)",
        " | ,\"rloe\":\"TEACHER\" | | sender.rloe: unknown field (did you mean role?)",
        " | ,\"ID\":\"t-oak\" | | sender.ID: unknown field (did you mean id?)",
        " | ,\"ix\":\"t-oak\" | | sender.ix: unknown field (did you mean id?)",
        " | | ,\"nmae\":\"a.jpg\" | attachments[0].nmae: unknown field (did you mean name?)",
        " | | ,\"tipe\":\"VIDEO\" | attachments[0].tipe: unknown field (did you mean type?)",
    })
    void a_near_miss_of_a_known_field_is_an_error_naming_both(String top, String sender, String attachment, String error) {
        assertThat(errorOf(message(nz(top), nz(sender), nz(attachment)))).isEqualTo(error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ",\"extra\":1 | |",
        ",\"priority\":\"high\" | ,\"displayName\":\"x\" | ,\"sizeBytes\":10",
        " | ,\"ts\":1 | ,\"url\":\"x\"",
        " | ,\"uuid\":\"x\" |",
    })
    void an_unknown_field_far_from_every_known_one_is_ignored(String top, String sender, String attachment) {
        ProposedMessage m = MessageJson.parse(message(nz(top), nz(sender), nz(attachment)));
        assertThat(m.id()).isEqualTo("m-1");
    }

    @Test
    void distance_counts_an_adjacent_swap_as_one_edit_and_gives_up_beyond_the_limit() {
        assertThat(NearMiss.distance("rloe", "role", 2)).isEqualTo(1);
        assertThat(NearMiss.distance("ca", "abc", 2)).isEqualTo(3); // optimal string alignment, not full Damerau
        assertThat(NearMiss.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(NearMiss.distance("attachments", "x", 2)).isEqualTo(3);
        assertThat(NearMiss.distance("abcdefgh", "hgfedcba", 2)).isEqualTo(3);
    }

    // ---- properties ----

    private static final Gen<String> LETTERS = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 14);

    /** Where in the message a field goes, and the names known there. */
    enum Level {
        TOP(MessageJson.MESSAGE_FIELDS, ""), SENDER(MessageJson.SENDER_FIELDS, "sender."), ATTACHMENT(MessageJson.ATTACHMENT_FIELDS, "attachments[0].");

        final List<String> known;
        final String prefix;

        Level(List<String> known, String prefix) {
            this.known = known;
            this.prefix = prefix;
        }

        String with(String field) {
            String f = ",\"" + field + "\":\"x\"";
            return switch (this) {
                case TOP -> message(f, "", "");
                case SENDER -> message("", f, "");
                case ATTACHMENT -> message("", "", f);
            };
        }
    }

    private static final Gen<Level> LEVELS = Generate.enumValues(Level.class);

    @Test
    void an_unknown_field_more_than_two_edits_from_every_known_one_is_ignored() {
        qt().forAll(LEVELS, LETTERS)
                .assuming((level, name) -> level.known.stream().allMatch(k -> NearMiss.distance(name.toLowerCase(), k.toLowerCase(), 2) > 2))
                .checkAssert((level, name) -> assertThat(errorOf(level.with(name))).isNull());
    }

    /** One edit: 0 insert, 1 delete, 2 substitute, 3 swap with the next letter; at a position, with a letter. */
    record Edit(int kind, int at, char letter) {
        String applyTo(String s) {
            int i = Math.floorMod(at, s.length() + (kind == 0 ? 1 : 0));
            return switch (kind) {
                case 0 -> s.substring(0, i) + letter + s.substring(i);
                case 1 -> s.substring(0, i) + s.substring(i + 1);
                case 2 -> s.substring(0, i) + letter + s.substring(i + 1);
                default -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s;
            };
        }
    }

    private static final Gen<Edit> EDITS = integers().between(0, 3).zip(integers().between(0, 20),
            integers().between('a', 'z'), (k, at, c) -> new Edit(k, at, (char) (int) c));

    /** A known field at a level, and the name it was turned into. */
    record Misspelling(Level level, String target, String name) {}

    private static Gen<Misspelling> misspellings(Gen<Integer> editCount) {
        return LEVELS.zip(integers().between(0, 6), lists().of(EDITS).ofSizes(editCount), (level, which, edits) -> {
            String target = level.known.get(which % level.known.size());
            return new Misspelling(level, target, misspell(target, edits));
        }).assuming(m -> !m.name().isEmpty() && !m.level().known.contains(m.name())
                && NearMiss.distance(m.name().toLowerCase(), m.target().toLowerCase(), 2) <= NearMiss.limitFor(m.target()));
    }

    @Test
    void a_misspelling_within_the_edit_limit_of_a_known_field_is_an_error_naming_a_known_field() {
        qt().forAll(misspellings(integers().between(1, 2))).checkAssert(m -> {
            String error = errorOf(m.level().with(m.name()));
            assertThat(error).as("%s", m).startsWith(m.level().prefix + m.name() + ": unknown field (did you mean ");
            String meant = error.substring(error.indexOf("did you mean ") + 13, error.length() - 2);
            assertThat(m.level().known).contains(meant);
            // Usually the target; another known field only when it is at least as near.
            assertThat(NearMiss.distance(m.name().toLowerCase(), meant.toLowerCase(), 2))
                    .isLessThanOrEqualTo(NearMiss.distance(m.name().toLowerCase(), m.target().toLowerCase(), 2));
        });
    }

    @Test
    void every_known_field_in_another_case_is_an_error_naming_it() {
        Gen<Misspelling> recased = LEVELS.zip(integers().between(0, 6), integers().between(1, 1 << 11), (level, which, mask) -> {
            String target = level.known.get(which % level.known.size());
            return new Misspelling(level, target, recase(target, mask));
        }).assuming(m -> !m.level().known.contains(m.name()));
        qt().forAll(recased).checkAssert(m -> assertThat(errorOf(m.level().with(m.name())))
                .isEqualTo(m.level().prefix + m.name() + ": unknown field (did you mean " + m.target() + "?)"));
    }

    private static String misspell(String known, List<Edit> edits) {
        String s = known;
        for (Edit e : edits) {
            if (!s.isEmpty()) {
                s = e.applyTo(s);
            }
        }
        return s;
    }

    private static String recase(String s, int mask) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length(); i++) {
            if ((mask >> i & 1) == 1) {
                char c = b.charAt(i);
                b.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
