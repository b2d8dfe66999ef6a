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

/** The ./policy command, run in-process: outputs, exit codes, bad input. */
final class PolicyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();




    private static String message(String id, String role, String sentAt) {
        return "{\"id\":\"" + id + "\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"" + role + "\"},\"text\":\"See you at the fair\",\"sentAt\":\"" + sentAt + "\"}";
    }

    @Test
    void a_broken_line_in_the_middle_is_answered_in_place_and_the_rest_still_evaluated(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, String.join("\n",
                message("m-1", "PARENT", "2026-11-24T10:00:00Z"),
                "{\"id\":\"m-2\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hi\"}",
                "{ this is not json",
                message("m-4", "HLTA", "2026-11-24T10:00:00Z"),
                message("m-5", "PARENT", "2026-11-28T10:00:00Z")) + "\n");
        Run r = run("evaluate", file.toString());
        assertThat(r.code()).isEqualTo(2);
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(lines.get(1).toString()).isEqualTo("{\"line\":2,\"id\":\"m-2\",\"error\":\"sentAt: missing\"}");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(lines.get(2).get("id").isNull()).isTrue();
        assertThat(lines.get(2).has("outcome")).isFalse();
        assertThat(lines.get(3).get("outcome").asText()).isEqualTo("BLOCK");
        assertThat(lines.get(3).get("reasons").get(0).get("clause").asText()).isEqualTo("4.4");
        assertThat(lines.get(4).get("outcome").asText()).isEqualTo("WARN");
        assertThat(lines.get(4).get("obligations").get(0).asText()).isEqualTo("DEFER_UNTIL_WORKING_HOURS");
    }

    @Test
    void all_good_lines_exit_zero_and_stdout_holds_only_decisions() throws IOException {
        Run r = runWithStdin(message("a", "PARENT", "2026-11-24T10:00:00Z") + "\n" + message("b", "TEACHER", "2026-11-24T11:00:00Z") + "\n", "evaluate");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).extracting(n -> n.get("id").asText()).containsExactly("a", "b");
    }

    @Test
    void a_line_of_invalid_utf8_is_an_error_for_that_line_only() throws IOException {
        byte[] good = (message("a", "PARENT", "2026-11-24T10:00:00Z") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] all = new byte[good.length * 2 + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        System.arraycopy(good, 0, all, good.length + bad.length, good.length);
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(all));
        Run r;
        try {
            r = run("evaluate");
        } finally {
            System.setIn(original);
        }
        assertThat(r.code()).isEqualTo(2);
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).get("error").asText()).isEqualTo("(line): not valid UTF-8");
        assertThat(lines.get(2).get("outcome").asText()).isEqualTo("ALLOW");
    }

    @Test
    void text_format_prints_a_readable_block_per_message() {
        Run r = runWithStdin(message("m-9", "HLTA", "2026-11-24T10:00:00Z") + "\n", "evaluate", "--format", "text");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("m-9").contains("BLOCK").contains("4.4").contains("policy 4.4");
    }

    @Test
    void explain_adds_the_rules_that_fired() throws IOException {
        Run r = runWithStdin(message("m-9", "HLTA", "2026-11-28T10:00:00Z") + "\n", "explain");
        assertThat(r.code()).isZero();
        JsonNode d = r.lines().get(0);
        assertThat(d.get("outcome").asText()).isEqualTo("BLOCK");
        List<String> clauses = new ArrayList<>();
        d.get("explain").get("rules").forEach(n -> clauses.add(n.get("clause").asText()));
        assertThat(clauses).containsExactlyInAnyOrder("4.4", "4.7");
    }

    @Test
    void a_bad_profile_stops_evaluate_before_anything_is_evaluated(@TempDir Path dir) throws IOException {
        Path profile = dir.resolve("school.yaml");
        Files.writeString(profile, "school: X\ntimezone: Europe/London\n");
        Run r = runWithStdin(message("a", "PARENT", "2026-11-24T10:00:00Z") + "\n", "evaluate", "--profile", profile.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("workingHours: missing").contains("contacts: missing").doesNotContain("Exception");
    }

    @Test
    void check_prints_file_line_col_for_a_syntax_error_and_exits_one(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("school-extra.drl"), "package dev.hallpass.rules;\n\nrule \"x\" @clause(\"4.4\")\nwhen\n    Message( role == )\nthen\nend\n");
        Run r = run("check", "--rules", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^school-extra\\.drl:\\d+:\\d+: ");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"single-quote-consequence.drl", "single-quote-metadata.drl",
            "single-quote-constraint.drl", "unicode-escape-string.drl", "lone-cr-comment.drl", "line-separator-comment.drl",
            "bidi-trojan-source.drl", "zero-width-in-keyword.drl", "cross-product-six-findings.drl", "regex-backtracking.drl"})
    void check_refuses_every_hostile_rule_file_with_file_line_col_and_runs_none_of_it(String name, @TempDir Path dir) throws IOException {
        Path source = Path.of("../policy-rules/src/test/resources/malicious", name);
        Files.write(dir.resolve(name), Files.readAllBytes(source));
        Run r = run("check", "--rules", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(name) + ":[1-9]\\d*:[1-9]\\d*: ");
        try (var markers = Files.list(Path.of("/tmp"))) {
            assertThat(markers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hallpass-pwned-"))).isEmpty();
        }
    }

    @Test
    void check_lists_every_profile_problem_with_its_path(@TempDir Path dir) throws IOException {
        Path profile = dir.resolve("school.json");
        Files.writeString(profile, """
                {"school": "X", "timezone": "Europe/London",
                 "workingHours": {"days": ["MONDAY"], "start": "08:00", "end": "17:00"},
                 "contacts": {"schoolOffice": {"name": "Office"}, "school": {"phone": "01632 960000"}, "nursingTeam": {}}}
                """);
        Run r = run("check", "--profile", profile.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(profile + ":0:0: contacts.schoolOffice.phone: missing")
                .contains(profile + ":0:0: contacts.nursingTeam.phone: missing");
    }

    @Test
    void check_prints_a_risky_roster_name_as_a_warning_and_still_exits_zero(@TempDir Path dir) throws IOException {
        String builtIn = new String(PolicyCliTest.class.getClassLoader().getResourceAsStream("hallpass/default-profile.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Path profile = Files.writeString(dir.resolve("profile.yaml"), builtIn.replace("aliases: [Millie]", "aliases: [Millie, Al]"));
        Run r = run("check", "--profile", profile.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("ok:").contains("warning: " + profile
                + ": classes[0].children[0].aliases[1]: \"Al\" is 1–3 letters; it may be taken as a child's name where it is only a word");
        assertThat(r.err()).doesNotContain("Al\"");
    }

    @Test
    void check_of_the_built_in_profile_and_rules_is_clean() {
        Run r = run("check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("ok:");
    }

    @Test
    void test_reports_each_failure_and_ends_with_the_count(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, String.join("\n",
                "{\"message\":" + message("c-1", "HLTA", "2026-11-24T10:00:00Z") + ",\"expect\":{\"outcome\":\"BLOCK\",\"clauses\":[\"4.4\"]}}",
                "{\"message\":" + message("c-2", "PARENT", "2026-11-28T10:00:00Z") + ",\"expect\":{\"outcome\":\"ALLOW\",\"notClauses\":[\"4.7\"]}}",
                "{\"message\":" + message("c-3", "PARENT", "2026-11-28T10:00:00Z") + ",\"expect\":{\"outcome\":\"WARN\",\"obligations\":[\"DEFER_UNTIL_WORKING_HOURS\"],\"messageContains\":[\"8:00–17:00\"]}}",
                "{\"message\":{\"id\":\"c-4\"},\"expect\":{}}") + "\n");
        Run r = run("test", cases.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL " + cases + ":2 (c-2)")
                .contains("outcome: expected ALLOW, got WARN")
                .contains("notClauses: 4.7 was cited")
                .contains("FAIL " + cases + ":4: invalid case: message.channel: missing")
                .endsWith("2 passed, 2 failed\n");
    }

    @Test
    void test_exits_zero_when_every_case_passes(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"message\":" + message("c-1", "HLTA", "2026-11-24T10:00:00Z") + ",\"expect\":{\"outcome\":\"BLOCK\",\"clauses\":[\"4.4\"]}}\n");
        Run r = run("test", cases.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("1 passed, 0 failed\n");
    }

    @Test
    void by_default_a_pick_up_change_in_everyday_words_goes_to_the_office_and_with_no_semantic_it_is_allowed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"id\":\"m-1\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
                + "\"text\":\"I'm on a late shift so her grandad will be at the gate for her tonight\",\"sentAt\":\"2026-12-01T10:00:00Z\"}\n");
        Run lexical = run("evaluate", "--no-rules-cache", "--no-semantic", file.toString());
        Run semantic = run("evaluate", "--no-rules-cache", file.toString());
        assertThat(lexical.lines().get(0).get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(semantic.code()).isZero();
        assertThat(semantic.lines().get(0).get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(semantic.lines().get(0).get("redirectTo").asText()).isEqualTo("PHONE_SCHOOL_OFFICE");
    }

    @Test
    void train_names_a_corpus_folder_that_is_not_there(@TempDir Path dir) {
        Run r = run("train", dir.resolve("nope").toString(), dir.resolve("w.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("policy: no such file or directory: " + dir.resolve("nope"));
    }

    @Test
    void train_names_the_file_and_line_of_a_bad_corpus_line(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("brief-x.jsonl"), "{\"id\":\"a\",\"origin\":\"o\",\"text\":\"hi\",\"labels\":[]}\n{ not json\n");
        Run r = run("train", dir.toString(), dir.resolve("w.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("brief-x.jsonl:2");
        assertThat(Files.exists(dir.resolve("w.json"))).isFalse();
    }

    @Test
    void check_reports_a_semantic_threshold_on_a_clause_the_tier_does_not_classify(@TempDir Path dir) throws IOException {
        Path profile = withClauses(dir, "{\"4.3\": {\"threshold\": 0.55}, \"4.7\": {\"threshold\": 0.5}}");
        Run r = run("check", "--profile", profile.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("clauses.4.7.threshold: clause 4.7 has no semantic classifier").doesNotContain("clauses.4.3");
    }

    @Test
    void check_accepts_a_semantic_threshold_and_warns_that_it_does_nothing_without_the_tier(@TempDir Path dir) throws IOException {
        Path profile = withClauses(dir, "{\"4.3\": {\"threshold\": 0.55}}");
        assertThat(run("check", "--profile", profile.toString()).code()).isZero();
        Run off = run("check", "--no-semantic", "--profile", profile.toString());
        assertThat(off.code()).isZero();
        assertThat(off.out()).contains("warning: ").contains("clauses.4.3.threshold: has no effect with --no-semantic");
    }

    /** The built-in profile with its {@code clauses} replaced by {@code clausesJson} (YAML flow syntax is JSON). */
    private static Path withClauses(Path dir, String clausesJson) throws IOException {
        String builtIn = new String(PolicyCliTest.class.getClassLoader().getResourceAsStream("hallpass/default-profile.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String line : builtIn.split("\n")) {
            if (!line.startsWith("clauses:")) {
                out.append(line).append('\n');
            }
        }
        out.append("clauses: ").append(clausesJson).append('\n');
        return Files.writeString(dir.resolve("profile.yaml"), out.toString());
    }

    @Test
    void train_on_a_schools_cases_writes_adjustments_that_test_then_shows_before_and_after(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"message\":{\"id\":\"c-1\",\"channel\":\"CLASS_CHAT\",\"classId\":\"oak\",\"sender\":{\"role\":\"PARENT\"},"
                + "\"text\":\"My other half is a bit of a jack of all trades if school needs a hand fixing up the reading shed\","
                + "\"sentAt\":\"2026-12-01T10:00:00Z\"},\"expect\":{\"outcome\":\"ALLOW\"}}\n");
        Run before = run("test", "--no-rules-cache", "--rules", rules.toString(), cases.toString());
        assertThat(before.out()).endsWith("0 passed, 1 failed\n");
        Run train = run("train", cases.toString(), rules.resolve("semantic-adjustments.json").toString());
        assertThat(train.code()).isZero();
        assertThat(train.err()).contains("read 1 cases, 1 taught something");
        Run after = run("test", "--no-rules-cache", "--rules", rules.toString(), cases.toString());
        assertThat(after.code()).isZero();
        assertThat(after.out()).contains("school training (" + rules.resolve("semantic-adjustments.json") + "): 0 passed without it, 1 with it")
                .endsWith("1 passed, 0 failed\n");
    }

    @Test
    void train_names_the_file_and_line_of_a_bad_case(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"message\": {}, \"expect\": {}}\n");
        Run r = run("train", cases.toString(), dir.resolve("out.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cases.jsonl:1: ");
        assertThat(Files.exists(dir.resolve("out.json"))).isFalse();
    }
}
