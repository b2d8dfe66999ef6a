package dev.hallpass.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class MessageJsonTest {
    private static final String CONTRACT_EXAMPLE = """
            {"id": "m-001", "channel": "CLASS_CHAT", "sender": {"id": "p-17", "role": "PARENT"}, "classId": "oak",
             "text": "Does anyone know if Amelia left her coat at the party?",
             "attachments": [{"type": "PHOTO", "name": "party.jpg"}], "sentAt": "2026-11-30T19:30:00Z", "extra": 1}
            """;

    @Test
    void the_contract_example_reads_field_by_field() {
        ProposedMessage m = MessageJson.parse(CONTRACT_EXAMPLE);
        assertThat(m.id()).isEqualTo("m-001");
        assertThat(m.channel()).isEqualTo(Channel.CLASS_CHAT);
        assertThat(m.sender().id()).isEqualTo("p-17");
        assertThat(m.sender().role()).isEqualTo(Role.PARENT);
        assertThat(m.classId()).isEqualTo("oak");
        assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo(AttachmentType.PHOTO));
        assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-11-30T19:30:00Z"));
    }

    @Test
    void enums_are_case_insensitive_and_offsets_are_honoured() {
        ProposedMessage m = MessageJson.parse("""
                {"id": "x", "channel": "private_chat", "sender": {"role": "Teacher"}, "text": "ok", "sentAt": "2026-06-01T09:00:00+01:00"}
                """);
        assertThat(m.channel()).isEqualTo(Channel.PRIVATE_CHAT);
        assertThat(m.sender().role()).isEqualTo(Role.TEACHER);
        assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T19:30:00Z\"} | id: missing",
        "{\"id\":\"x\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T19:30:00Z\"} | channel: missing",
        "{\"id\":\"x\",\"channel\":\"LOUDSPEAKER\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T19:30:00Z\"} | channel: unknown value (expected one of [SCHOOL_STORY, CLASS_STORY, CLASS_CHAT, PRIVATE_CHAT])",
        "{\"id\":\"x\",\"channel\":\"CLASS_CHAT\",\"text\":\"a\",\"sentAt\":\"2026-11-30T19:30:00Z\"} | sender: missing",
        "{\"id\":\"x\",\"channel\":\"CLASS_CHAT\",\"sender\":{},\"text\":\"a\",\"sentAt\":\"2026-11-30T19:30:00Z\"} | sender.role: missing",
        "{\"id\":\"x\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"sentAt\":\"2026-11-30T19:30:00Z\"} | text: missing",
        "{\"id\":\"x\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"\",\"sentAt\":\"2026-11-30T19:30:00Z\"} | text: empty, and there are no attachments",
        "{\"id\":\"x\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\"} | sentAt: missing",
        "{\"id\":\"x\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T19:30:00\"} | sentAt: not an ISO-8601 instant or offset date-time (2026-11-30T19:30:00Z)",
        "{\"id\":\"x\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"\",\"attachments\":[{\"name\":\"a.jpg\"}],\"sentAt\":\"2026-11-30T19:30:00Z\"} | attachments[0].type: missing",
        "{\"id\":7,\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"a\",\"sentAt\":\"2026-11-30T19:30:00Z\"} | id: must be a string",
        "[1,2] | (line): not a JSON object",
        "{\"id\":\"x\"} trailing | (line): invalid JSON at column 12",
    })
    void a_bad_message_names_its_field(String json, String error) {
        assertThatThrownBy(() -> MessageJson.parse(json))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(error);
    }

    @Test
    void an_error_never_quotes_the_text() {
        assertThatThrownBy(() -> MessageJson.parse("{\"id\":\"x\",\"text\": Amelia Khan}"))
                .isInstanceOf(InvalidMessageException.class)
                .message().doesNotContain("Amelia");
    }

    @Test
    void the_id_of_a_bad_line_is_recovered_when_possible() {
        assertThat(MessageJson.idOf("{\"id\":\"m-7\",\"channel\":\"NOPE\"}")).isEqualTo("m-7");
        assertThat(MessageJson.idOf("{\"id\":\"m-7\",")).isNull();
        assertThat(MessageJson.idOf("{\"id\":7}")).isNull();
    }

    @Test
    void an_empty_text_is_allowed_with_an_attachment() {
        ProposedMessage m = MessageJson.parse("""
                {"id": "x", "channel": "CLASS_CHAT", "sender": {"role": "PARENT"}, "text": "",
                 "attachments": [{"type": "photo"}], "sentAt": "2026-11-30T10:00:00Z"}
                """);
        assertThat(m.attachments()).hasSize(1);
    }

    @Test
    void theFastReadingOfUtcTimesAgreesWithTheIsoParserOnValidAndInvalidTimes() {
        java.util.Random random = new java.util.Random(17);
        int read = 0;
        for (int n = 0; n < 20_000; n++) {
            String s = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62));
            Instant fast = MessageJson.utcSeconds(s);
            Instant iso;
            try {
                iso = java.time.OffsetDateTime.parse(s).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                iso = null;
            }
            assertThat(fast).as(s).isEqualTo(iso);
            read += fast == null ? 0 : 1;
        }
        assertThat(read).as("valid times among the generated ones").isGreaterThan(5_000);
        assertThat(MessageJson.utcSeconds("2028-02-29T23:59:59Z")).isEqualTo(Instant.parse("2028-02-29T23:59:59Z"));
        assertThat(MessageJson.utcSeconds("2027-02-29T10:00:00Z")).isNull();
        assertThat(MessageJson.utcSeconds("2026-11-30T19:30:00+00:00")).isNull();
        assertThat(MessageJson.utcSeconds("2026-11-30T19:30:00.5Z")).isNull();
        assertThat(MessageJson.utcSeconds("2026-11-3OT19:30:00Z")).isNull();
    }

    @Test
    void anEnumValueInTheUsualSpellingAndAnyOtherSpellingReadTheSame() {
        String json = "{\"id\":\"m\",\"channel\":\"%s\",\"sender\":{\"id\":\"p\",\"role\":\"PARENT\"},"
                + "\"classId\":\"oak\",\"text\":\"hi\",\"sentAt\":\"2026-11-30T19:30:00Z\"}";
        assertThat(MessageJson.parse(String.format(json, "CLASS_CHAT")).channel()).isEqualTo(Channel.CLASS_CHAT);
        assertThat(MessageJson.parse(String.format(json, " class_chat ")).channel()).isEqualTo(Channel.CLASS_CHAT);
        assertThatThrownBy(() -> MessageJson.parse(String.format(json, "CLASS CHAT")))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("channel").hasMessageContaining("expected one of");
    }
}
