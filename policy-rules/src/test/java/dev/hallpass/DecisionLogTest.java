package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.corpus.Corpus;
import dev.hallpass.fixtures.Messages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The decision log: useful for reviewing rules, and free of personal data. */
final class DecisionLogTest {
    private static final byte[] KEY = "a school's secret key, 32 bytes!".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\d[\\d ]{5,}\\d");

    @Test
    void no_roster_name_text_fragment_or_number_from_the_whole_corpus_reaches_the_log() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        DecisionLog log = DecisionLog.to(lines::add, KEY);
        PolicyEngine engine = PolicyEngine.builder().textHashKey(KEY).listener(log).build();
        List<String> rosterNames = new ArrayList<>();
        engine.profile().classes().forEach(c -> c.children().forEach(ch -> {
            rosterNames.add(ch.name());
            rosterNames.addAll(List.of(ch.name().split(" ")));
            rosterNames.addAll(ch.aliases());
        }));
        int checked = 0;
        List<String> leaks = new ArrayList<>();
        for (Corpus.Labelled c : Corpus.all()) {
            ProposedMessage m = c.policyCase().message();
            int before = lines.size();
            Decision d = engine.evaluate(m);
            log.override(m.id(), d.reasons().stream().map(Reason::clause).toList(), DecisionLog.OverrideReason.OTHER, m.text());
            log.falsePositive(m.id(), "4.12", "this is about " + m.text());
            for (String line : lines.subList(before, lines.size())) {
                String withoutHashes = withoutHashes(line);
                String lower = withoutHashes.toLowerCase(Locale.ROOT);
                for (String name : rosterNames) {
                    if (lower.contains(name.toLowerCase(Locale.ROOT))) {
                        leaks.add(c.label() + ": name " + name);
                    }
                }
                String text = m.text();
                for (int i = 0; i + 12 <= text.length(); i++) {
                    if (withoutHashes.contains(text.substring(i, i + 12))) {
                        leaks.add(c.label() + ": text at " + i);
                    }
                }
                Matcher digits = DIGIT_RUNS.matcher(text);
                while (digits.find()) {
                    if (withoutHashes.contains(digits.group())) {
                        leaks.add(c.label() + ": number");
                    }
                }
                checked++;
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(checked).isEqualTo(3 * Corpus.all().size());
    }

    @Test
    void a_decision_line_says_what_a_school_needs_to_review_its_rules() throws Exception {
        List<String> lines = new ArrayList<>();
        PolicyEngine engine = PolicyEngine.builder().textHashKey(KEY).listener(DecisionLog.to(lines::add, KEY)).build();
        ProposedMessage m = Messages.message(Channel.CLASS_CHAT, Role.PARENT, "Has anyone seen Amelia's coat? call me on 07700 900123");
        engine.evaluate(m);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("type").asText()).isEqualTo("decision");
        assertThat(line.get("id").asText()).isEqualTo("m-1");
        assertThat(line.get("channel").asText()).isEqualTo("CLASS_CHAT");
        assertThat(line.get("role").asText()).isEqualTo("PARENT");
        assertThat(line.get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(line.get("clauses").toString()).isEqualTo("[\"3.2.1\",\"4.12\"]");
        assertThat(line.get("findings").toString()).isEqualTo("{\"CHILD_NAME\":1,\"PHONE_NUMBER\":1}");
        assertThat(line.get("textHash").asText()).hasSize(64);
        assertThat(line.get("policyDigest").asText()).isEqualTo(engine.policyDigest()).matches("sha256:[0-9a-f]{64}");
        // The same text under the same key hashes the same, so repeats can be counted.
        engine.evaluate(m);
        assertThat(JSON.readTree(lines.get(1)).get("textHash")).isEqualTo(line.get("textHash"));
    }

    @Test
    void an_override_and_a_false_positive_report_reach_the_log_with_the_free_text_hashed() throws Exception {
        List<String> lines = new ArrayList<>();
        DecisionLog log = DecisionLog.to(lines::add, KEY);
        log.override("m-9", List.of("4.7"), DecisionLog.OverrideReason.AGREED_WITH_TEACHER, "Mrs Patel said Millie could send it late");
        log.falsePositive("m-9", "4.12", "Grace is a hymn, not a child");
        JsonNode override = JSON.readTree(lines.get(0));
        assertThat(override.get("type").asText()).isEqualTo("override");
        assertThat(override.get("reason").asText()).isEqualTo("AGREED_WITH_TEACHER");
        assertThat(override.get("clauses").toString()).isEqualTo("[\"4.7\"]");
        assertThat(override.get("justificationHash").asText()).hasSize(64);
        assertThat(lines.get(0)).doesNotContain("Millie").doesNotContain("Patel");
        JsonNode fp = JSON.readTree(lines.get(1));
        assertThat(fp.get("type").asText()).isEqualTo("falsePositive");
        assertThat(fp.get("clause").asText()).isEqualTo("4.12");
        assertThat(lines.get(1)).doesNotContain("Grace").doesNotContain("hymn");
    }

    @Test
    void a_listener_that_throws_does_not_change_the_decision() {
        PolicyEngine engine = PolicyEngine.builder().listener(e -> {
            throw new IllegalStateException("listener broke");
        }).build();
        assertThat(engine.evaluate(Messages.message(Channel.CLASS_CHAT, Role.HLTA, "hi")).outcome()).isEqualTo(Outcome.BLOCK);
    }

    private static String withoutHashes(String line) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(line);
        node.remove(List.of("textHash", "justificationHash", "commentHash"));
        return node.toString();
    }
}
