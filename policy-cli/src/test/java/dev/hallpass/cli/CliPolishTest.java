package dev.hallpass.cli;

import static dev.hallpass.cli.Run.run;
import static dev.hallpass.cli.Run.runWithStdin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's rough edges of issue 16, each as it was hit: help, paths, case files, YAML positions, text output, line numbers. */
final class CliPolishTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMED = "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"classId\":\"oak\","
            + "\"text\":\"Has anyone seen Amelia's blue coat?\",\"sentAt\":\"2026-11-24T10:00:00Z\"}";
    private static final String PLAIN = "{\"id\":\"m-2\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
            + "\"text\":\"See you at the fair\",\"sentAt\":\"2026-11-24T10:00:00Z\"}";




    private static String builtInProfile() throws IOException {
        try (InputStream in = CliPolishTest.class.getClassLoader().getResourceAsStream("hallpass/default-profile.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String caseLine(String message, String outcome) {
        return "{\"message\":" + message + ",\"expect\":{\"outcome\":\"" + outcome + "\"}}";
    }

    // --- help

    @Test
    void help_test_prints_the_help_of_test() {
        Run r = run("help", "test");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Usage: policy test").contains("CASES").contains("--coverage");
    }

    @Test
    void help_alone_lists_every_command() {
        Run r = run("help");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("evaluate").contains("explain").contains("check").contains("test").contains("train");
    }

    // --- paths that are missing or are directories

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "explain"})
    void a_missing_input_file_is_named(String command, @TempDir Path dir) {
        Path missing = dir.resolve("x.jsonl");
        Run r = run(command, "--no-semantic", missing.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: no such file: " + missing);
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "explain", "test"})
    void a_directory_given_as_the_input_file_is_named(String command, @TempDir Path dir) {
        Run r = run(command, "--no-semantic", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: is a directory: " + dir);
    }

    @Test
    void a_missing_case_file_is_named_and_nothing_is_run(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.jsonl"), caseLine(PLAIN, "ALLOW") + "\n");
        Path missing = dir.resolve("cases.jsonl");
        Run r = run("test", "--no-semantic", good.toString(), missing.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: no such file: " + missing);
        assertThat(r.out()).doesNotContain("passed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "explain", "check", "test"})
    void a_missing_profile_is_named(String command, @TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), command.equals("test") ? caseLine(PLAIN, "ALLOW") + "\n" : PLAIN + "\n");
        Path missing = dir.resolve("school.yaml");
        Run r = command.equals("check") ? run(command, "--no-semantic", "--profile", missing.toString())
                : run(command, "--no-semantic", "--profile", missing.toString(), input.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: no such file: " + missing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "explain", "check", "test"})
    void a_directory_given_as_the_profile_is_named(String command, @TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), command.equals("test") ? caseLine(PLAIN, "ALLOW") + "\n" : PLAIN + "\n");
        Path folder = Files.createDirectories(dir.resolve("profile.yaml"));
        Run r = command.equals("check") ? run(command, "--no-semantic", "--profile", folder.toString())
                : run(command, "--no-semantic", "--profile", folder.toString(), input.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: is a directory: " + folder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "explain", "check", "test"})
    void rules_that_are_missing_or_a_file_are_named(String command, @TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), command.equals("test") ? caseLine(PLAIN, "ALLOW") + "\n" : PLAIN + "\n");
        Path missing = dir.resolve("rules");
        Run r = command.equals("check") ? run(command, "--no-semantic", "--rules", missing.toString())
                : run(command, "--no-semantic", "--rules", missing.toString(), input.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: no such directory: " + missing);
        Run file = command.equals("check") ? run(command, "--no-semantic", "--rules", input.toString())
                : run(command, "--no-semantic", "--rules", input.toString(), input.toString());
        assertThat(file.code()).isEqualTo(1);
        assertThat(file.err()).contains("policy: not a directory: " + input);
    }

    @Test
    void train_names_a_missing_case_file_and_an_output_that_is_a_directory(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("cases.jsonl");
        Run r = run("train", missing.toString(), dir.resolve("out.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: no such file or directory: " + missing);
        Path cases = Files.writeString(dir.resolve("real.jsonl"), caseLine(PLAIN, "ALLOW") + "\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        Run intoFolder = run("train", cases.toString(), out.toString());
        assertThat(intoFolder.code()).isEqualTo(1);
        assertThat(intoFolder.err()).contains("policy: is a directory: " + out);
    }

    @Test
    void a_named_pipe_is_read_as_a_file(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("in.fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, PLAIN + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Run r = run("evaluate", "--no-semantic", fifo.toString());
        writer.join(10_000);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out().trim()).get("id").asText()).isEqualTo("m-2");
    }

    // --- case files

    @Test
    void an_empty_case_file_is_an_error(@TempDir Path dir) throws IOException {
        Path cases = Files.writeString(dir.resolve("cases.jsonl"), "\n  \n");
        Run r = run("test", "--no-semantic", cases.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(cases + ": no cases").endsWith("0 passed, 1 failed\n");
    }

    @Test
    void a_messages_file_given_to_test_says_what_a_case_line_looks_like(@TempDir Path dir) throws IOException {
        Path messages = Files.writeString(dir.resolve("messages.jsonl"), "\n" + PLAIN + "\n" + NAMED + "\n");
        Run r = run("test", "--no-semantic", messages.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(messages + ":2: not a test case: a case line is {\"message\": {...}, \"expect\": {\"outcome\": ...}}"
                + " (this looks like a message)").endsWith("0 passed, 1 failed\n");
        assertThat(r.out()).doesNotContain(messages + ":3");
    }

    @Test
    void a_case_line_without_a_message_says_what_a_case_line_looks_like() throws IOException {
        Path dir = Files.createTempDirectory("cases");
        Path cases = Files.writeString(dir.resolve("cases.jsonl"), caseLine(PLAIN, "ALLOW") + "\n{\"expect\":{\"outcome\":\"ALLOW\"}}\n");
        Run r = run("test", "--no-semantic", cases.toString());
        assertThat(r.out()).contains(cases + ":2: not a test case: a case line is {\"message\": {...}, \"expect\": {\"outcome\": ...}}")
                .doesNotContain("this looks like a message").endsWith("1 passed, 1 failed\n");
    }

    // --- YAML positions

    @Test
    void a_yaml_error_in_the_profile_carries_its_real_line_and_column(@TempDir Path dir) throws IOException {
        Path profile = Files.writeString(dir.resolve("school.yaml"), "school: X\ntimezone: Europe/London\nworkingHours:\n  start: \"08:00\"\n  - bad\n");
        Run r = run("check", "--no-semantic", "--profile", profile.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(profile + ":5:3: ").doesNotContain(":0:0:");
    }

    @Test
    void a_yaml_error_in_the_schools_clauses_carries_its_real_line_and_column(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("clauses.yaml"), "clauses:\n  - id: \"S.1\"\n    status: informational\n    title: x\n    - bad\n");
        Run r = run("check", "--no-semantic", "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^clauses\\.yaml:5:5: ").doesNotContain(":0:0:");
    }

    // --- text output

    @Test
    void text_format_shows_the_evidence_words_on_stdout_only() {
        Run r = runWithStdin(NAMED + "\n", "evaluate", "--no-semantic", "--format", "text");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("evidence: CHILD_NAME \"Amelia\" [16,22]");
        assertThat(r.err()).doesNotContain("Amelia");
    }

    @Test
    void text_format_leads_with_the_summary_tip_and_shows_the_checked_rewrite() {
        Run r = runWithStdin(NAMED + "\n", "evaluate", "--no-semantic", "--format", "text");
        String[] lines = r.out().split("\n");
        assertThat(lines[1].trim()).as(r.out()).startsWith("Please send this to the class teacher in a private chat instead.");
        assertThat(r.out()).contains("rewrite: \"").doesNotContain("rewrite: \"Amelia");
    }

    @Test
    void check_prints_the_policy_digest_the_decisions_carry() throws IOException {
        Run check = run("check", "--no-semantic");
        assertThat(check.code()).as(check.err()).isZero();
        String digest = check.out().lines().filter(l -> l.startsWith("policy digest: ")).findFirst().orElseThrow()
                .substring("policy digest: ".length());
        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        Run evaluated = runWithStdin(NAMED + "\n", "evaluate", "--no-semantic");
        assertThat(JSON.readTree(evaluated.out()).get("policyDigest").asText()).isEqualTo(digest);
    }

    @Test
    void explain_text_shows_the_findings_and_the_rules_that_fired() {
        Run r = runWithStdin(NAMED + "\n", "explain", "--no-semantic", "--format", "text");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("finding: CHILD_NAME \"Amelia\" [16,22]")
                .containsPattern("rule: \"4\\.12[^\"]*\" \\(4\\.12, [^)]+\\.drl\\)")
                .contains("name: \"Amelia\" [16,22] taken: ");
    }

    // --- line numbers

    @Test
    void every_decision_carries_its_input_line_number_so_skipped_blank_lines_do_not_shift_answers() throws IOException {
        Run r = runWithStdin("\n" + PLAIN + "\n\n   \n{ not json\n" + NAMED + "\n", "evaluate", "--no-semantic");
        assertThat(r.code()).isEqualTo(2);
        List<JsonNode> answers = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            answers.add(JSON.readTree(line));
        }
        assertThat(answers).extracting(n -> n.get("line").asInt()).containsExactly(2, 5, 6);
        assertThat(answers.get(0).get("id").asText()).isEqualTo("m-2");
        assertThat(answers.get(0).has("outcome")).isTrue();
        assertThat(answers.get(1).has("error")).isTrue();
        assertThat(answers.get(2).get("id").asText()).isEqualTo("m-1");
    }

    @Test
    void explain_decisions_carry_the_line_number_too() throws IOException {
        Run r = runWithStdin("\n\n" + PLAIN + "\n", "explain", "--no-semantic");
        assertThat(r.code()).isZero();
        JsonNode d = JSON.readTree(r.out().trim());
        assertThat(d.get("line").asInt()).isEqualTo(3);
        assertThat(d.has("explain")).isTrue();
    }

    // --- verbose

    @Test
    void verbose_says_what_it_loads_and_from_where_but_never_the_message_or_a_name(@TempDir Path dir) throws IOException {
        Path profile = Files.writeString(dir.resolve("oakfield.yaml"), builtInProfile());
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("../policy-sdk-examples/school-example/rules/clauses.yaml"), rules.resolve("clauses.yaml"));
        Files.copy(Path.of("../policy-sdk-examples/school-example/rules/clause-6.1-no-selling.drl"), rules.resolve("clause-6.1-no-selling.drl"));
        Path input = Files.writeString(dir.resolve("in.jsonl"), NAMED + "\n");
        Path cache = dir.resolve("cache");
        Run r = run("evaluate", "--verbose", "--no-semantic", "--profile", profile.toString(), "--rules", rules.toString(),
                "--rules-cache", cache.toString(), input.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("policy: profile: " + profile)
                .contains("policy: rules: built-in (from ")
                .contains("policy: rules: " + rules + ": clause-6.1-no-selling.drl, clauses.yaml")
                .contains("policy: compiled-rules cache: " + cache)
                .contains("policy: semantic tier: off (--no-semantic)")
                .contains("policy: input: " + input);
        assertThat(r.err()).doesNotContain("Amelia").doesNotContain("coat").doesNotContain("Khan");
        assertThat(r.out()).contains("\"outcome\"");
    }

    @Test
    void verbose_names_the_built_in_profile_and_the_semantic_model() {
        Run r = runWithStdin(PLAIN + "\n", "evaluate", "--verbose", "--no-rules-cache");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("policy: profile: built-in (hallpass/default-profile.yaml from ")
                .contains("policy: rules: built-in")
                .contains("policy: compiled-rules cache: off (--no-rules-cache)")
                .containsPattern("policy: semantic tier: on \\(model bge-small-en-v1\\.5-q\\.onnx from [^)]+\\.jar\\)")
                .contains("policy: input: stdin")
                .doesNotContain("See you at the fair");
    }

    @Test
    void without_verbose_nothing_is_said_about_what_was_loaded() {
        Run r = runWithStdin(PLAIN + "\n", "evaluate", "--no-semantic", "--no-rules-cache");
        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContain("policy: profile:");
    }
}
