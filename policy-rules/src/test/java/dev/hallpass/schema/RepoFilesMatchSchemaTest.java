package dev.hallpass.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hallpass.SchoolProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every profile, case file and message file in the repository matches its schema. Files are found
 * by their content, not by a list, so a new one is checked too: a YAML or JSON file whose top level
 * has {@code school} and {@code workingHours} is a profile (and must also load with {@link
 * SchoolProfile#load}); a JSON Lines file whose first line has {@code message} and {@code expect} is
 * a case file; one whose first line has {@code channel} and {@code sentAt} is a message file.
 */
final class RepoFilesMatchSchemaTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    static List<Path> files(String... suffixes) {
        try (Stream<Path> all = Files.walk(Schemas.ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> Schemas.ROOT.relativize(p).toString().split("/")[0].startsWith(".") == false)
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> profiles() {
        List<Path> out = new ArrayList<>();
        for (Path p : files(".yaml", ".yml", ".json")) {
            if (p.startsWith(Schemas.FOLDER)) {
                continue;
            }
            try {
                JsonNode tree = p.toString().endsWith(".json") ? Schemas.JSON.readTree(p.toFile()) : YAML.readTree(p.toFile());
                if (tree != null && tree.has("school") && tree.has("workingHours")) {
                    out.add(p);
                }
            } catch (IOException e) {
                // Not a JSON or YAML document (a fixture of another kind): not a profile.
            }
        }
        return out;
    }

    static String firstLine(Path p) {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.filter(l -> !l.isBlank()).findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kindOf(Path jsonl) {
        try {
            JsonNode first = Schemas.JSON.readTree(firstLine(jsonl));
            if (first.has("message") && first.has("expect")) {
                return "case";
            }
            if (first.has("channel") && first.has("sentAt")) {
                return "message";
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> every_profile_in_the_repository_matches_the_profile_schema_and_loads() {
        List<Path> profiles = profiles();
        assertThat(profiles).as("profiles found").hasSizeGreaterThanOrEqualTo(5)
                .contains(Schemas.ROOT.resolve("policy-rules/src/main/resources/hallpass/default-profile.yaml"),
                        Schemas.ROOT.resolve("policy-sdk-examples/school-example/profile.yaml"));
        return profiles.stream().map(p -> dynamicTest(Schemas.ROOT.relativize(p).toString(), () -> {
            JsonNode tree = p.toString().endsWith(".json") ? Schemas.JSON.readTree(p.toFile()) : YAML.readTree(p.toFile());
            assertThat(Schemas.problems("profile", tree)).isEmpty();
            assertThat(SchoolProfile.load(p).school()).isNotBlank();
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_case_file_and_message_file_in_the_repository_matches_its_schema() {
        List<Path> found = files(".jsonl").stream().filter(p -> kindOf(p) != null).toList();
        assertThat(found).as("case files found")
                .contains(Schemas.ROOT.resolve("policy-sdk-examples/school-example/cases.jsonl"),
                        Schemas.ROOT.resolve("policy-rules/src/test/resources/holdout-final/holdout-final.jsonl"),
                        Schemas.ROOT.resolve("policy-rules/src/test/resources/corpus/benign.jsonl"),
                        Schemas.ROOT.resolve("examples/messages.jsonl"));
        return found.stream().map(p -> dynamicTest(Schemas.ROOT.relativize(p) + " (" + kindOf(p) + ")", () -> {
            String schema = kindOf(p);
            List<String> failures = new ArrayList<>();
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    List<String> problems = Schemas.problems(schema, lines.get(i));
                    if (!problems.isEmpty()) {
                        failures.add((i + 1) + ": " + problems);
                    }
                }
            }
            assertThat(failures).isEmpty();
        }));
    }

    @Test
    void a_json_lines_file_of_another_shape_is_not_taken_for_cases_or_messages() {
        assertThat(kindOf(Schemas.ROOT.resolve("policy-rules/src/test/resources/names/real-names.jsonl"))).isNull();
    }
}
