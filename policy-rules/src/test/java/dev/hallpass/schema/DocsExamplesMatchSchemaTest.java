package dev.hallpass.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```json} block of README.md and docs/*.md (docs/contract.md included) is valid JSON
 * (one value, or one value a line) and matches its schema. The schema is named by a marker on the
 * line before the block ({@code <!-- schema: decision -->}) or found from the fields; a block that is
 * neither fails, so a new example cannot be skipped unnoticed.
 */
final class DocsExamplesMatchSchemaTest {
    /** Refuses text after the first value, so a block of JSON Lines is read line by line. */
    private static final com.fasterxml.jackson.databind.ObjectReader ONE_VALUE = Schemas.JSON.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern MARKER = Pattern.compile("<!--\\s*schema:\\s*([a-z]+)\\s*-->");

    record Block(Path file, int line, String marker, String text) {
        String where() {
            return Schemas.ROOT.relativize(file) + ":" + line;
        }
    }

    static List<Path> documents() {
        List<Path> out = new ArrayList<>(List.of(Schemas.ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(Schemas.ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Block> blocks(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```json")) {
                continue;
            }
            String marker = null;
            for (int k = i - 1; k >= 0 && k >= i - 2; k--) {
                Matcher m = MARKER.matcher(lines.get(k));
                if (m.find()) {
                    marker = m.group(1);
                    break;
                }
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            out.add(new Block(file, i + 1, marker, String.join("\n", lines.subList(start, end))));
            i = end;
        }
        return out;
    }

    /** The block as JSON values: the whole block as one value, else one value per non-blank line. */
    static List<JsonNode> values(String text) throws IOException {
        try {
            return List.of(ONE_VALUE.readTree(text));
        } catch (IOException whole) {
            List<JsonNode> out = new ArrayList<>();
            for (String l : text.split("\n")) {
                if (!l.isBlank()) {
                    out.add(Schemas.JSON.readTree(l));
                }
            }
            return out;
        }
    }

    /** The schema a value's fields say it is, or null. */
    static String classify(JsonNode v) {
        if (v.has("message") && v.has("expect")) {
            return "case";
        }
        if (v.has("error") && v.has("line")) {
            return "error";
        }
        if (v.has("outcome") && v.has("reasons")) {
            return "decision";
        }
        if (v.has("school") && v.has("workingHours")) {
            return "profile";
        }
        if (v.has("channel") && v.has("sentAt")) {
            return "message";
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> every_json_example_in_the_docs_matches_its_schema() {
        return documents().stream().flatMap(f -> blocks(f).stream()).map(b -> dynamicTest(b.where(), () -> {
            List<JsonNode> values = values(b.text());
            assertThat(values).as("%s: an empty json block", b.where()).isNotEmpty();
            for (JsonNode v : values) {
                String schema = b.marker() != null ? b.marker() : classify(v);
                assertThat(schema).as("%s: cannot tell which schema this example is for; add <!-- schema: NAME --> before it (one of %s)",
                        b.where(), Schemas.names()).isNotNull();
                assertThat(Schemas.names()).as("%s: marker", b.where()).contains(schema);
                assertThat(Schemas.problems(schema, v)).as("%s against %s.schema.json: %s", b.where(), schema, v).isEmpty();
            }
        }));
    }

    @Test
    void the_contract_has_examples_of_every_schema() {
        List<String> seen = new ArrayList<>();
        for (Block b : blocks(Schemas.ROOT.resolve("docs/contract.md"))) {
            try {
                for (JsonNode v : values(b.text())) {
                    seen.add(b.marker() != null ? b.marker() : classify(v));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(seen).contains("message", "decision", "error", "case", "profile");
    }

    @Test
    void a_block_that_names_no_schema_and_has_no_telling_fields_is_not_classified() throws IOException {
        assertThat(classify(values("{\"id\": \"abs-0001\", \"labels\": [\"ABSENCE\"]}").get(0))).isNull();
        assertThat(values("{\"a\": 1}\n{\"b\": 2}")).hasSize(2);
    }
}
