package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code evaluate} and {@code explain} write, with the semantic tier on (scores, {@code
 * explain.semantic}), matches docs/schema/line.schema.json line by line: decisions and §4 errors.
 */
final class CliOutputMatchesSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://hallpass.dev/schema/";
    private static Path root;
    private static Schema line;

    @BeforeAll
    static void schemas() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/schema"))) {
                root = p;
                break;
            }
        }
        Map<String, String> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("docs/schema"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                byId.put(BASE + f.getFileName(), Files.readString(f));
            }
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
        line = registry.getSchema(SchemaLocation.of(BASE + "line.schema.json"));
    }

    private static List<JsonNode> checkedLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                JsonNode n = JSON.readTree(l);
                assertThat(line.validate(n)).as(l).isEmpty();
                nodes.add(n);
            }
        }
        return nodes;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        PolicyCli.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    @Test
    void every_line_evaluate_and_explain_write_with_the_semantic_tier_matches_the_line_schema(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(root.resolve("examples/messages.jsonl")));
        lines.add("{\"id\":\"m-worried\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"classId\":\"oak\","
                + "\"text\":\"I am really worried, my daughter came home with bruises again and says someone at home hurts her\","
                + "\"sentAt\":\"2026-11-24T10:00:00Z\"}");
        lines.add("{\"id\":\"m-2\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hi\"}");
        lines.add("{ not json");
        lines.add("{\"id\":\"m-3\",\"channel\":\"CLASS_CHAT\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hi\",\"sentAt\":\"2026-11-24T10:00:00Z\"}");
        Files.write(in, lines);

        List<JsonNode> evaluated = checkedLines(run("evaluate", in.toString()));
        List<JsonNode> explained = checkedLines(run("explain", in.toString()));

        assertThat(evaluated).hasSameSizeAs(explained).hasSizeGreaterThan(5);
        assertThat(explained.stream().filter(n -> n.has("error"))).hasSize(3);
        assertThat(explained.stream().filter(n -> n.path("explain").has("semantic"))).as("explain.semantic with the tier on").isNotEmpty();
        assertThat(evaluated.stream().flatMap(n -> Stream.of(n.path("reasons")).flatMap(r -> {
            List<JsonNode> rs = new ArrayList<>();
            r.forEach(rs::add);
            return rs.stream();
        })).filter(r -> r.has("score"))).as("a reason the tier scored").isNotEmpty();
    }
}
