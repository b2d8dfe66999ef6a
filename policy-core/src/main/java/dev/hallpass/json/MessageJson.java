package dev.hallpass.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.Attachment;
import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import dev.hallpass.Sender;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads proposed messages from JSON (contract §2). Every failure is an {@link
 * InvalidMessageException} naming the field; its text never includes the field's value, so errors
 * can be logged and echoed without leaking message text. Thread-safe.
 *
 * <p>Ambiguous input fails closed (contract §7.1): a key that appears twice in one object, at any
 * depth, is an error naming its path ({@code sender.role: duplicate key}), since another parser
 * may keep the other value; and an unknown field that is a near miss of a known one ({@code
 * sentat}, {@code attachements}) is an error naming both (see {@link NearMiss} for the rule).
 * Other unknown fields are ignored.
 */
public final class MessageJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Without duplicate detection: only to recover the id of a line that has a duplicate elsewhere. */
    private static final ObjectMapper LENIENT = new ObjectMapper();

    static final List<String> MESSAGE_FIELDS = List.of("id", "channel", "sender", "classId", "text", "attachments", "sentAt");
    static final List<String> SENDER_FIELDS = List.of("id", "role");
    static final List<String> ATTACHMENT_FIELDS = List.of("type", "name");

    private MessageJson() {}

    /**
     * Parses one JSON object into a message.
     *
     * @throws InvalidMessageException naming the field that is wrong, or {@code (line)} when the
     *     text is not a JSON object
     */
    public static ProposedMessage parse(String json) {
        return read(tree(json));
    }

    /**
     * Reads one JSON object from {@code in} (to its end) into a message; does not close {@code in}.
     *
     * @throws InvalidMessageException naming the field that is wrong, or {@code (line)} when the
     *     text is not a JSON object
     * @throws IOException if {@code in} cannot be read
     */
    public static ProposedMessage parse(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return parse(text.toString());
    }

    /**
     * The message's {@code id} if the text is JSON with a string id, else null. Used to label an
     * error for a line that could not be read as a message.
     */
    public static String idOf(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // A duplicate somewhere else leaves the id unambiguous; a duplicate id does not.
            String duplicate = duplicateKeyPath(e);
            if (duplicate == null || duplicate.equals("id")) {
                return null;
            }
            try {
                root = LENIENT.readTree(json);
            } catch (JsonProcessingException | RuntimeException again) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        JsonNode id = root == null ? null : root.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    /**
     * Parses JSON text into a tree, for readers of wrapper objects in this package (test cases).
     *
     * @throws InvalidMessageException with field {@code (line)} when the text is not a JSON object
     */
    static JsonNode tree(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKeyPath(e);
            if (duplicate != null) {
                throw new InvalidMessageException(duplicate, "duplicate key");
            }
            var loc = e.getLocation();
            // Jackson's own message quotes the input; give only the position.
            throw new InvalidMessageException("(line)", "invalid JSON" + (loc == null ? "" : " at column " + loc.getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException("(line)", "not a JSON object");
        }
        return node;
    }

    /**
     * Reads a message from a parsed JSON object.
     *
     * @throws InvalidMessageException naming the field that is wrong
     */
    static ProposedMessage read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException("message", "not a JSON object");
        }
        NearMiss.check(node, "", MESSAGE_FIELDS);
        String id = string(node, "id", "id", true);
        Channel channel = enumValue(node.get("channel"), "channel", Channel.class);
        JsonNode senderNode = node.get("sender");
        if (senderNode == null || senderNode.isNull()) {
            throw new InvalidMessageException("sender", "missing");
        }
        if (!senderNode.isObject()) {
            throw new InvalidMessageException("sender", "must be an object");
        }
        NearMiss.check(senderNode, "sender.", SENDER_FIELDS);
        Role role = enumValue(senderNode.get("role"), "sender.role", Role.class);
        String senderId = string(senderNode, "id", "sender.id", false);
        String classId = string(node, "classId", "classId", false);
        String text = string(node, "text", "text", true);
        List<Attachment> attachments = attachments(node.get("attachments"));
        Instant sentAt = instant(node.get("sentAt"));
        return new ProposedMessage(id, channel, new Sender(senderId, role), classId, text, attachments, sentAt);
    }

    /**
     * The path of the key that {@code e} reports as duplicated ({@code sender.role}, {@code
     * attachments[1].type}), or null when {@code e} is about something else. Keys are shown as
     * {@link #shownKey} does.
     */
    static String duplicateKeyPath(JsonProcessingException e) {
        return dev.hallpass.yaml.Yaml.duplicateKeyPath(e, MessageJson::shownKey, "(line)");
    }

    /**
     * {@code key} as an error may show it: as it is when it looks like a field name (ASCII letters
     * and digits, at most 64), else {@code (key)}. JSON keys are the host's schema, not its data,
     * but a key made of free text is never echoed.
     */
    static String shownKey(String key) {
        return key != null && key.matches("[A-Za-z0-9]{1,64}") ? key : "(key)";
    }

    private static List<Attachment> attachments(JsonNode node) {
        List<Attachment> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new InvalidMessageException("attachments", "must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "attachments[" + i + "]";
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                throw new InvalidMessageException(path, "must be an object");
            }
            NearMiss.check(a, path + ".", ATTACHMENT_FIELDS);
            AttachmentType type = enumValue(a.get("type"), path + ".type", AttachmentType.class);
            out.add(new Attachment(type, string(a, "name", path + ".name", false)));
        }
        return out;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidMessageException("sentAt", "missing");
        }
        if (!node.isTextual()) {
            throw new InvalidMessageException("sentAt", "must be a string");
        }
        String text = node.asText().trim();
        Instant utc = utcSeconds(text);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("sentAt", "not an ISO-8601 instant or offset date-time (2026-11-30T19:30:00Z)");
        }
    }

    /** The error's list of allowed values; built only for an error (every message has three enum fields). */
    private static String expected(Class<? extends Enum<?>> type) {
        return "expected one of " + Arrays.toString(type.getEnumConstants());
    }

    /**
     * The common form {@code 2026-11-30T19:30:00Z} (exactly 20 characters: UTC, whole seconds) read without
     * the general ISO-8601 parser, which costs a few microseconds per message; null for anything else,
     * which {@link OffsetDateTime#parse} then reads (and rejects) as before. A date or time out of range
     * (February 30, hour 24, second 60) is null here too, so the general parser gives the usual error.
     */
    static Instant utcSeconds(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
    }

    /** The ASCII digits of {@code s} from {@code from} to {@code to} as a number, or -1 if any is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String string(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidMessageException(path, "missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidMessageException(path, "must be a string");
        }
        return node.asText();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
        if (node == null || node.isNull()) {
            throw new InvalidMessageException(path, "missing");
        }
        if (!node.isTextual()) {
            throw new InvalidMessageException(path, "must be a string (" + expected(type) + ")");
        }
        String text = node.asText();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) { // the usual spelling: no trimming or case folding needed
                return e;
            }
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new InvalidMessageException(path, "unknown value (" + expected(type) + ")");
    }
}
