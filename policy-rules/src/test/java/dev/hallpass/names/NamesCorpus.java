package dev.hallpass.names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.SchoolProfile;
import dev.hallpass.facts.FindingKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The names and obfuscation corpora in {@code src/test/resources/names} (see its README): look-alike
 * traps and real name uses, hand-written obfuscations, benign Unicode messages, and the profile they
 * are labelled against. Each message is in the dev or the test split by a hash of its id; rules are
 * tuned on dev only and the targets are checked on test.
 */
final class NamesCorpus {
    static final Path FOLDER = Path.of("src/test/resources/names");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NamesCorpus() {}

    static SchoolProfile profile() {
        return SchoolProfile.load(FOLDER.resolve("profile.yaml"));
    }

    /** A message with the spans that are children's names: every occurrence of each listed string. */
    record NameCase(String id, String category, String text, List<String> names) {
        boolean test() {
            return inTest(id);
        }

        /**
         * The expected name spans, [start, end) pairs in UTF-16 offsets: every occurrence of each listed
         * string, or only the N-th (1-based) for an entry written {@code name@N}.
         */
        List<int[]> spans() {
            List<int[]> out = new ArrayList<>();
            for (String entry : names) {
                int mark = entry.lastIndexOf('@');
                boolean nth = mark > 0 && entry.substring(mark + 1).chars().allMatch(Character::isDigit) && mark < entry.length() - 1;
                String name = nth ? entry.substring(0, mark) : entry;
                int wanted = nth ? Integer.parseInt(entry.substring(mark + 1)) : 0;
                int occurrence = 0;
                for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                    occurrence++;
                    if (wanted == 0 || occurrence == wanted) {
                        out.add(new int[] {at, at + name.length()});
                    }
                }
                if (occurrence == 0 || wanted > occurrence) {
                    throw new IllegalStateException(id + ": names entry '" + entry + "' is not in the text");
                }
            }
            return out;
        }
    }

    /** A message hiding one name, number or address by one technique ({@code cls}). */
    record Obfuscated(String id, String cls, FindingKind kind, String text, String target) {
        int targetStart() {
            return visibleStart(text, text.indexOf(target), text.indexOf(target) + target.length());
        }

        int targetEnd() {
            return visibleEnd(text, text.indexOf(target), text.indexOf(target) + target.length());
        }
    }

    /** Where {@code text[start, end)} starts after any invisible characters it begins with. */
    static int visibleStart(String text, int start, int end) {
        int at = start;
        while (at < end && invisible(text.codePointAt(at))) {
            at += Character.charCount(text.codePointAt(at));
        }
        return at;
    }

    /** Where {@code text[start, end)} ends before any invisible characters it ends with. */
    static int visibleEnd(String text, int start, int end) {
        int at = end;
        while (at > start && invisible(text.codePointBefore(at))) {
            at -= Character.charCount(text.codePointBefore(at));
        }
        return at;
    }

    /** Format characters (ZWSP, bidi controls), variation selectors, soft hyphen: nothing a reader sees. */
    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x00AD;
    }

    /** A message that must be allowed in class chat. */
    record Benign(String id, String text, String note) {}

    /** True for the test split (about half), by a hash of the id. */
    static boolean inTest(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 1;
    }

    static List<NameCase> names() {
        List<NameCase> out = new ArrayList<>();
        for (String file : List.of("lookalike-traps.jsonl", "lookalike-traps-2.jsonl", "real-names.jsonl", "real-names-2.jsonl")) {
            for (JsonNode n : lines(file)) {
                List<String> names = new ArrayList<>();
                n.get("names").forEach(x -> names.add(x.asText()));
                out.add(new NameCase(n.get("id").asText(), n.get("category").asText(), n.get("text").asText(), names));
            }
        }
        return out;
    }

    static List<Obfuscated> obfuscated() {
        List<Obfuscated> out = new ArrayList<>();
        for (JsonNode n : lines("obfuscated.jsonl")) {
            out.add(new Obfuscated(n.get("id").asText(), n.get("class").asText(), FindingKind.valueOf(n.get("kind").asText()),
                    n.get("text").asText(), n.get("target").asText()));
        }
        return out;
    }

    static List<Benign> benign() {
        List<Benign> out = new ArrayList<>();
        for (JsonNode n : lines("benign-unicode.jsonl")) {
            out.add(new Benign(n.get("id").asText(), n.get("text").asText(), n.path("note").asText()));
        }
        return out;
    }

    private static List<JsonNode> lines(String file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(FOLDER.resolve(file), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
