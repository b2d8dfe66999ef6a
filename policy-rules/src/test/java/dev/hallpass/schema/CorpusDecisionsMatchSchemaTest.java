package dev.hallpass.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
import dev.hallpass.Sender;
import dev.hallpass.corpus.Corpus;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import dev.hallpass.fixtures.Engines;
import dev.hallpass.json.DecisionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every decision the corpus tests produce, serialized exactly as the CLI writes it (DecisionJson),
 * matches decision.schema.json, and so do the explanations: of every corpus case, and of every
 * message of the names corpus (which fill {@code explain.names}). The semantic tier is not on this
 * module's class path; policy-cli's CliOutputMatchesSchemaTest covers its fields.
 */
final class CorpusDecisionsMatchSchemaTest {
    private static final int SHOWN = 10;

    private static List<String> check(String what, String json, List<String> failures) {
        List<String> problems = Schemas.problems("decision", json);
        if (!problems.isEmpty() && failures.size() < SHOWN) {
            failures.add(what + ": " + problems + "\n    " + json);
        }
        return problems;
    }

    @Test
    void every_decision_and_explanation_of_the_labelled_and_held_out_corpora_matches_the_decision_schema() throws IOException {
        PolicyEngine engine = Engines.defaults();
        List<Corpus.Labelled> cases = new ArrayList<>(Corpus.all());
        cases.addAll(Corpus.in(Corpus.HOLDOUT));
        List<String> failures = new ArrayList<>();
        int bad = 0;
        int withFindings = 0;
        int withSummary = 0;
        int withRewrite = 0;
        int withDigest = 0;
        for (Corpus.Labelled c : cases) {
            ProposedMessage m = c.policyCase().message();
            String decided = DecisionJson.toJson(engine.evaluate(m));
            bad += check(c.label(), decided, failures).isEmpty() ? 0 : 1;
            JsonNode tree = Schemas.JSON.readTree(decided);
            withSummary += tree.has("message") ? 1 : 0;
            withRewrite += tree.has("rewrite") ? 1 : 0;
            withDigest += tree.path("policyDigest").asText().startsWith("sha256:") ? 1 : 0;
            String explained = DecisionJson.toJson(engine.explain(m));
            bad += check(c.label() + " (explain)", explained, failures).isEmpty() ? 0 : 1;
            withFindings += explained.contains("\"findings\":[{") ? 1 : 0;
        }
        assertThat(cases).as("the corpus and the held-out corpus").hasSizeGreaterThan(800);
        assertThat(withFindings).as("explanations with findings").isGreaterThan(100);
        assertThat(withSummary).as("decisions with §7.2's summary message").isGreaterThan(100);
        assertThat(withRewrite).as("decisions with §7.2's rewrite").isGreaterThan(10);
        assertThat(withDigest).as("decisions with §7.2's policyDigest").isEqualTo(cases.size());
        assertThat(failures).as("%d of %d decisions and explanations do not match", bad, 2 * cases.size()).isEmpty();
    }

    @Test
    void every_explanation_of_the_names_corpus_matches_the_decision_schema() throws IOException {
        Path folder = Path.of("src/test/resources/names");
        PolicyEngine engine = PolicyEngine.builder().profile(SchoolProfile.load(folder.resolve("profile.yaml"))).build();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int withNames = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = Schemas.JSON.readTree(line);
                    ProposedMessage m = new ProposedMessage(n.get("id").asText(), Channel.CLASS_CHAT, new Sender("p-1", Role.PARENT),
                            null, n.get("text").asText(), List.of(), Instant.parse("2026-11-24T10:00:00Z"));
                    String explained = DecisionJson.toJson(engine.explain(m));
                    check(f.getFileName() + " " + m.id(), explained, failures);
                    checked++;
                    withNames += explained.contains("\"names\":[") ? 1 : 0;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(withNames).as("explanations with explain.names").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }
}
