package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.Decision;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.InvalidProfileException;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
import dev.hallpass.json.MessageJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fuzzing every input surface: the JSON Lines reader, the profile loader and evaluate, with
 * mutated and generated inputs. No crash, no hang, every line answered in order, an invalid
 * message always an error and never an outcome, a valid one always an outcome.
 *
 * <p>CI runs a few thousand inputs; {@code -Dhallpass.fuzz.scale=40} runs 100,000+.
 */
final class FuzzTest {
    private static final int SCALE = Integer.getInteger("hallpass.fuzz.scale", 1);
    private static final PolicyEngine ENGINE = PolicyEngine.builder().build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong LINES = new AtomicLong();
    private static final AtomicLong PROFILES = new AtomicLong();
    private static final AtomicLong MESSAGES = new AtomicLong();

    private static final List<String> SEEDS = List.of(
            "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"id\":\"p-1\",\"role\":\"PARENT\"},\"classId\":\"oak\",\"text\":\"Does anyone know if Amelia left her coat at the party?\",\"attachments\":[{\"type\":\"PHOTO\",\"name\":\"a.jpg\"}],\"sentAt\":\"2026-11-30T19:30:00Z\"}",
            "{\"id\":\"m-2\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"URGENT Ollie is off sick, call me on 07700 900123\",\"sentAt\":\"2026-11-24T10:00:00+00:00\"}",
            "{\"id\":\"m-3\",\"channel\":\"SCHOOL_STORY\",\"sender\":{\"role\":\"OFFICE_STAFF\"},\"text\":\"Fair on Friday\",\"sentAt\":\"2026-11-24T10:00:00Z\"}",
            "{\"id\":\"m-4\",\"channel\":\"class_story\",\"sender\":{\"id\":\"t-oak\",\"role\":\"teacher\"},\"classId\":\"oak\",\"text\":\"\",\"attachments\":[{\"type\":\"video\"}],\"sentAt\":\"2027-06-01T08:00:00+01:00\"}");

    private static final List<String> ODD_VALUES = List.of("1e999999", "-0", "99999999999999999999999999999", "null", "true", "{}", "[]",
            "\"\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\uDFFF x\"", "\"CLASS_CHAT\\u0000\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"2026-13-45T99:99:99Z\"", "\"" + "7".repeat(5000) + "\"", "[".repeat(3000) + "]".repeat(3000),
            "\"\\u202Eevil\\u202C\"", "\"Zoe\\u0308\\u0308\\u0308\\u0308\"", "\"\\t\\r\\n\"");

    /** A mutation of a seed line, as bytes (some mutations are not valid UTF-8). */
    private static Gen<byte[]> lines() {
        Gen<String> seed = integers().between(0, SEEDS.size() - 1).map(SEEDS::get);
        return seed.zip(integers().between(0, 9), integers().between(0, 1_000_000), integers().between(0, ODD_VALUES.size() - 1),
                (s, op, r, odd) -> mutate(s, op, r, ODD_VALUES.get(odd)));
    }

    private static byte[] mutate(String s, int op, int r, String odd) {
        int at = r % Math.max(1, s.length());
        String out = switch (op) {
            case 0 -> s;
            case 1 -> s.substring(0, at);
            case 2 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1));
            case 3 -> s.substring(0, at) + (char) (r % 0x3000) + s.substring(at);
            case 4 -> s.replaceFirst("\"sentAt\":\"[^\"]*\"", "\"sentAt\":" + odd);
            case 5 -> s.replaceFirst("\"channel\":\"[^\"]*\"", "\"channel\":" + odd);
            case 6 -> s.replaceFirst("\"text\":\"[^\"]*\"", "\"text\":" + odd);
            case 7 -> s.replaceFirst(",\"sentAt\":\"[^\"]*\"", "");
            case 8 -> s.replaceFirst("\"role\":\"[^\"]*\"", "\"role\":" + odd);
            default -> null;
        };
        if (out != null) {
            return out.replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        bytes[at % bytes.length] = (byte) (0x80 | (r & 0x3f)); // a stray continuation byte: invalid UTF-8
        return bytes;
    }

    @Test
    void every_line_of_a_mutated_batch_is_answered_in_order_and_only_valid_messages_get_an_outcome() {
        qt().withExamples(300 * SCALE).withShrinkCycles(50).forAll(lists().of(lines()).ofSizeBetween(1, 20)).checkAssert(batch -> {
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            List<String> decoded = new ArrayList<>();
            for (byte[] b : batch) {
                in.writeBytes(b);
                in.write('\n');
                decoded.add(strictUtf8(b));
            }
            StringWriter out = new StringWriter();
            boolean allGood = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> new JsonLinesEvaluator(ENGINE, false).run(new ByteArrayInputStream(in.toByteArray()), new PrintWriter(out), null));
            String[] answers = out.toString().isEmpty() ? new String[0] : out.toString().split("\n");
            List<Integer> expectedLines = new ArrayList<>();
            for (int i = 0; i < decoded.size(); i++) {
                if (decoded.get(i) == null || !decoded.get(i).isBlank()) {
                    expectedLines.add(i);
                }
            }
            assertThat(answers).hasSize(expectedLines.size());
            boolean anyBad = false;
            for (int k = 0; k < answers.length; k++) {
                int i = expectedLines.get(k);
                JsonNode a = readJson(answers[k]);
                String line = decoded.get(i);
                boolean valid = line != null && isValid(line);
                if (valid) {
                    assertThat(a.has("outcome")).as("line %d answered %s", i + 1, answers[k]).isTrue();
                    assertThat(a.get("id").asText()).isEqualTo(MessageJson.parse(line).id());
                } else {
                    anyBad = true;
                    assertThat(a.has("outcome")).as("invalid line %d must not get an outcome", i + 1).isFalse();
                    assertThat(a.get("line").asInt()).isEqualTo(i + 1);
                    assertThat(a.get("error").asText()).matches("^[A-Za-z()\\[\\]0-9.]+: .+");
                }
            }
            LINES.addAndGet(answers.length);
            assertThat(allGood).isEqualTo(!anyBad);
        });
    }

    @Test
    void a_mutated_profile_is_either_read_or_refused_with_field_paths_never_anything_else() throws IOException {
        String seed;
        try (InputStream s = FuzzTest.class.getClassLoader().getResourceAsStream("hallpass/default-profile.yaml")) {
            seed = new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
        String yaml = seed;
        qt().withExamples(500 * SCALE).forAll(integers().between(0, 3), integers().between(0, 1_000_000), integers().between(0, ODD_VALUES.size() - 1))
                .checkAssert((op, r, odd) -> {
                    int at = r % yaml.length();
                    String mutated = switch (op) {
                        case 0 -> yaml.substring(0, at);
                        case 1 -> yaml.substring(0, at) + (char) (r % 0x3000) + yaml.substring(at);
                        case 2 -> yaml.substring(0, at) + ODD_VALUES.get(odd) + yaml.substring(at);
                        default -> yaml.replaceFirst(": [^\\n]*", ": " + ODD_VALUES.get(odd));
                    };
                    try {
                        assertThat(SchoolProfile.parse(mutated, "fuzz.yaml")).isNotNull();
                    } catch (InvalidProfileException e) {
                        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).contains(": "));
                    }
                    PROFILES.incrementAndGet();
                });
    }

    @Test
    void evaluate_answers_any_text_without_throwing() {
        Gen<String> texts = lists().of(integers().between(0, 0x2FFFF)).ofSizeBetween(0, 400).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(cp -> sb.appendCodePoint(cp % 7 == 0 ? 0xD800 + (cp % 0x800) : cp % 5 == 0 ? "0123456789 .-+()".charAt(cp % 16) : cp));
            return sb.toString();
        });
        qt().withExamples(1000 * SCALE).forAll(texts).checkAssert(text -> {
            ProposedMessage m = ProposedMessage.of("f", dev.hallpass.facts.Channel.CLASS_CHAT, dev.hallpass.facts.Role.PARENT,
                    text.isEmpty() ? "x" : text, java.time.Instant.parse("2026-11-24T10:00:00Z"));
            Decision d = ENGINE.evaluate(m);
            assertThat(d).isNotNull();
            assertThat(d.cites(PolicyEngine.UNCHECKED_CLAUSE)).as("the engine failed on a text").isFalse();
            d.reasons().forEach(r -> r.evidence().stream().filter(e -> e.start() != null)
                    .forEach(e -> assertThat(e.end()).isLessThanOrEqualTo(m.text().length())));
            MESSAGES.incrementAndGet();
        });
    }

    @AfterAll
    static void report() {
        System.out.printf("fuzzed: %d JSON lines, %d profiles, %d texts (scale %d)%n", LINES.get(), PROFILES.get(), MESSAGES.get(), SCALE);
    }

    /** Valid for the built-in profile: well-formed, and a class post names one of its classes (contract 7.1). */
    private static boolean isValid(String line) {
        try {
            var m = MessageJson.parse(line);
            boolean classPost = m.channel() == dev.hallpass.facts.Channel.CLASS_CHAT || m.channel() == dev.hallpass.facts.Channel.CLASS_STORY;
            return !classPost || m.classId() == null || dev.hallpass.SchoolProfile.builtIn().schoolClass(m.classId()).isPresent();
        } catch (InvalidMessageException e) {
            return false;
        }
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static JsonNode readJson(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
