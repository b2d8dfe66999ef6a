package dev.hallpass.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The contract's JSON Schemas ({@code docs/schema/*.schema.json}), read from the repository and
 * validated with networknt's JSON Schema 2020-12 validator. Every {@code $id} is mapped to its own
 * file, so a {@code $ref} between them never goes to the network.
 */
final class Schemas {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The repository's root: the first folder up from the working directory that holds docs/schema. */
    static final Path ROOT = root();
    static final Path FOLDER = ROOT.resolve("docs/schema");
    static final String BASE = "https://hallpass.dev/schema/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(byId()));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {}

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/schema"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/schema above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, String> byId() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList()) {
                String text = Files.readString(f);
                String id = JSON.readTree(text).path("$id").asText();
                if (!id.equals(BASE + f.getFileName())) {
                    throw new IllegalStateException(f + ": $id must be " + BASE + f.getFileName() + ", is " + id);
                }
                out.put(id, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The names of the schemas: {@code message}, {@code decision}, ... */
    static List<String> names() {
        return byId().keySet().stream().map(id -> id.substring(BASE.length(), id.length() - ".schema.json".length())).toList();
    }

    /**
     * Why {@code instance} does not match the schema, one line per problem; empty when it does.
     *
     * @param schema a schema's name ({@code decision}), optionally with a fragment ({@code message#/$defs/channel})
     */
    static List<String> problems(String schema, JsonNode instance) {
        String[] parts = schema.split("#", 2);
        String iri = BASE + parts[0] + ".schema.json" + (parts.length == 2 ? "#" + parts[1] : "");
        Schema s = CACHE.computeIfAbsent(iri, i -> REGISTRY.getSchema(SchemaLocation.of(i)));
        return s.validate(instance).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** {@link #problems(String, JsonNode)} for JSON text. */
    static List<String> problems(String schema, String json) {
        try {
            return problems(schema, JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }
}
