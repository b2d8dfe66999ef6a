package dev.hallpass.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.PolicyEngine;
import dev.hallpass.examples.kafka.PolicyTopology.Topics;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.json.MessageJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The topology, driven without a broker: right answers, to the right topic, in order. */
final class PolicyTopologyTest {
    private static final PolicyEngine ENGINE = PolicyEngine.builder().build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TUESDAY_MORNING = "2026-11-24T10:00:00Z";
    private static final String SATURDAY_MORNING = "2026-11-28T10:00:00Z";
    private static final String AMELIA_TEXT = "Does anyone know if Amelia left her coat at the party?";

    /** A mixed batch in input order; keys are the input record keys. */
    private static final List<KeyValue<String, String>> BATCH = List.of(
            KeyValue.pair("k-0", message("m-hlta", "CLASS_CHAT", "HLTA", "Covering Oak class today", TUESDAY_MORNING)),
            KeyValue.pair("k-1", "{\"id\": \"m-broken\", \"channel\": "),
            KeyValue.pair("k-2", message("m-saturday", "PRIVATE_CHAT", "PARENT", "Thanks for today!", SATURDAY_MORNING)),
            KeyValue.pair("k-3", without(message("m-no-time", "PRIVATE_CHAT", "PARENT", "Thanks!", TUESDAY_MORNING), "sentAt")),
            KeyValue.pair("k-4", message("m-amelia", "CLASS_CHAT", "PARENT", AMELIA_TEXT, TUESDAY_MORNING)),
            KeyValue.pair("k-5", message("m-forum", "CLASS_FORUM", "PARENT", "Hello all", TUESDAY_MORNING)),
            KeyValue.pair("k-6", message("m-nativity", "CLASS_CHAT", "PARENT", "What time does the nativity start?", TUESDAY_MORNING)));

    private static String message(String id, String channel, String role, String text, String sentAt) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id);
        m.put("channel", channel);
        m.putObject("sender").put("id", "p-17").put("role", role);
        m.put("classId", "oak");
        m.put("text", text);
        m.put("sentAt", sentAt);
        return m.toString();
    }

    private static String without(String json, String field) {
        try {
            ObjectNode m = (ObjectNode) JSON.readTree(json);
            m.remove(field);
            return m.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Pipes {@code input} through the topology on {@code topics}; returns decisions and dead letters. */
    private record Run(List<KeyValue<String, String>> decisions, List<KeyValue<String, String>> deadLetters) {}

    private static Run run(Topics topics, List<KeyValue<String, String>> input) {
        Properties config = KafkaPolicyApp.streamsConfig(KafkaPolicyApp.parse()); // the app's own; no broker is contacted
        try (TopologyTestDriver driver = new TopologyTestDriver(PolicyTopology.build(ENGINE, topics), config)) {
            TestInputTopic<String, String> in = driver.createInputTopic(topics.messages(),
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> decisions = driver.createOutputTopic(topics.decisions(),
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            TestOutputTopic<String, String> deadLetters = driver.createOutputTopic(topics.deadLetter(),
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            input.forEach(kv -> in.pipeInput(kv.key, kv.value));
            return new Run(decisions.readKeyValuesToList(), deadLetters.readKeyValuesToList());
        }
    }

    private static Run run(List<KeyValue<String, String>> input) {
        return run(Topics.defaults(), input);
    }

    private static JsonNode decision(Run run, String id) {
        return run.decisions().stream().filter(kv -> kv.key.equals(id)).map(kv -> tree(kv.value)).findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + id));
    }

    private static List<String> clauses(JsonNode decision) {
        List<String> out = new ArrayList<>();
        decision.get("reasons").forEach(r -> out.add(r.get("clause").asText()));
        return out;
    }

    @Test
    void every_valid_message_gets_a_decision_and_every_invalid_line_goes_to_the_dead_letter_topic() {
        Run run = run(BATCH);

        assertThat(run.decisions()).extracting(kv -> kv.key)
                .containsExactly("m-hlta", "m-saturday", "m-amelia", "m-nativity");
        assertThat(run.decisions()).extracting(kv -> tree(kv.value).get("id").asText())
                .containsExactly("m-hlta", "m-saturday", "m-amelia", "m-nativity");
        assertThat(run.deadLetters()).extracting(kv -> kv.key)
                .as("a line too broken to read an id from keeps its input key")
                .containsExactly("k-1", "m-no-time", "m-forum");
        for (KeyValue<String, String> kv : run.decisions()) {
            assertThat(tree(kv.value).has("error")).as(kv.value).isFalse();
        }
        for (KeyValue<String, String> kv : run.deadLetters()) {
            assertThat(tree(kv.value).has("outcome")).as(kv.value).isFalse();
        }
    }

    @Test
    void each_decision_has_the_outcome_and_clauses_the_policy_gives() {
        Run run = run(BATCH);

        JsonNode hlta = decision(run, "m-hlta");
        assertThat(hlta.get("outcome").asText()).isEqualTo("BLOCK");
        assertThat(clauses(hlta)).contains("4.4");

        JsonNode saturday = decision(run, "m-saturday");
        assertThat(saturday.get("outcome").asText()).isEqualTo("WARN");
        assertThat(clauses(saturday)).contains("4.7");
        assertThat(saturday.get("obligations")).extracting(JsonNode::asText).contains("DEFER_UNTIL_WORKING_HOURS");

        JsonNode amelia = decision(run, "m-amelia");
        assertThat(amelia.get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(amelia.get("redirectTo").asText()).isEqualTo("PRIVATE_CHAT");
        assertThat(clauses(amelia)).contains("4.12");

        JsonNode nativity = decision(run, "m-nativity");
        assertThat(nativity.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(nativity.get("reasons")).isEmpty();
    }

    @Test
    void a_dead_letter_names_the_bad_field_and_the_record_it_came_from() {
        Run run = run(BATCH);
        List<JsonNode> dead = run.deadLetters().stream().map(kv -> tree(kv.value)).toList();

        assertThat(dead.get(0).get("id").isNull()).as("an unreadable line has no id").isTrue();
        assertThat(dead.get(0).get("error").asText()).startsWith("(line): invalid JSON");
        assertThat(dead.get(1).get("id").asText()).isEqualTo("m-no-time");
        assertThat(dead.get(1).get("error").asText()).isEqualTo("sentAt: missing");
        assertThat(dead.get(2).get("id").asText()).isEqualTo("m-forum");
        assertThat(dead.get(2).get("error").asText()).startsWith("channel: unknown value");

        // Input offsets 1, 3 and 5 of partition 0: "line" is the offset + 1.
        assertThat(dead).extracting(d -> d.get("line").asLong()).containsExactly(2L, 4L, 6L);
        assertThat(dead).extracting(d -> d.get("offset").asLong()).containsExactly(1L, 3L, 5L);
        for (JsonNode d : dead) {
            assertThat(d.get("topic").asText()).isEqualTo(PolicyTopology.DEFAULT_MESSAGES_TOPIC);
            assertThat(d.get("partition").asInt()).isZero();
            assertThat(fieldNames(d)).startsWith("line", "id", "error");
        }
    }

    @Test
    void an_unreadable_line_is_keyed_by_its_input_key_when_it_has_no_id() {
        Run run = run(List.of(KeyValue.pair("k-9", "not json at all")));

        assertThat(run.decisions()).isEmpty();
        assertThat(run.deadLetters()).extracting(kv -> kv.key).containsExactly("k-9");
    }

    @Test
    void a_record_with_no_value_goes_to_the_dead_letter_topic() {
        Run run = run(List.of(KeyValue.pair("k-0", null)));

        assertThat(run.decisions()).isEmpty();
        assertThat(run.deadLetters()).hasSize(1);
        assertThat(tree(run.deadLetters().get(0).value).get("error").asText()).isEqualTo("(line): no value");
    }

    @Test
    void decisions_carry_the_contract_json_shape() {
        Set<String> outcomes = Set.of("BLOCK", "REDIRECT", "WARN", "ALLOW");
        Run run = run(BATCH);

        for (KeyValue<String, String> kv : run.decisions()) {
            JsonNode d = tree(kv.value);
            assertThat(kv.value).as("one JSON line").doesNotContain("\n");
            assertThat(fieldNames(d)).as(kv.value).startsWith("id", "outcome")
                    .isSubsetOf("id", "outcome", "redirectTo", "message", "reasons", "obligations", "rewrite", "policyDigest")
                    .contains("reasons", "obligations");
            assertThat(d.get("outcome").asText()).isIn(outcomes);
            assertThat(d.has("redirectTo")).as("redirectTo iff REDIRECT: " + kv.value)
                    .isEqualTo(d.get("outcome").asText().equals("REDIRECT"));
            assertThat(d.get("obligations").isArray()).isTrue();
            d.get("obligations").forEach(o -> assertThat(o.isTextual()).isTrue());
            assertThat(d.get("reasons").isArray()).isTrue();
            if (d.get("reasons").isEmpty()) {
                assertThat(d.get("outcome").asText()).isEqualTo("ALLOW");
            } else {
                assertThat(d.get("outcome").asText()).as("the most severe reason's outcome")
                        .isEqualTo(d.get("reasons").get(0).get("outcome").asText());
            }
            for (JsonNode r : d.get("reasons")) {
                assertThat(fieldNames(r)).as(r.toString()).startsWith("clause", "outcome")
                        .contains("message", "evidence");
                assertThat(r.get("clause").asText()).isNotBlank();
                assertThat(r.get("outcome").asText()).isIn(outcomes);
                assertThat(r.get("message").asText()).isNotBlank();
                for (JsonNode e : r.get("evidence")) {
                    assertThat(e.has("kind")).isTrue();
                    assertThat(e.has("attachment") || (e.has("start") && e.has("end"))).as(e.toString()).isTrue();
                }
            }
        }
    }

    @Test
    void a_decision_is_exactly_what_the_cli_would_write_for_the_same_line() {
        Run run = run(BATCH);
        List<String> expected = BATCH.stream().map(kv -> kv.value).filter(PolicyTopologyTest::isValid)
                .map(line -> DecisionJson.toJson(ENGINE.evaluate(MessageJson.parse(line)))).toList();

        assertThat(run.decisions()).extracting(kv -> kv.value).containsExactlyElementsOf(expected);
    }

    private static boolean isValid(String line) {
        try {
            MessageJson.parse(line);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void a_dead_letter_never_repeats_the_message_text() {
        String badTime = message("m-bad-time", "CLASS_CHAT", "PARENT", AMELIA_TEXT, "next tuesday");
        Run run = run(List.of(KeyValue.pair("k", badTime)));

        assertThat(run.deadLetters()).hasSize(1);
        String dead = run.deadLetters().get(0).value;
        assertThat(tree(dead).get("error").asText()).startsWith("sentAt: ");
        assertThat(dead).doesNotContain("Amelia", "coat", "next tuesday");
    }

    @Test
    void no_log_line_names_a_child_or_repeats_message_text() {
        String badTime = message("m-bad-time", "CLASS_CHAT", "PARENT", AMELIA_TEXT, "next tuesday");
        String noChannel = without(message("m-no-channel", "CLASS_CHAT", "PARENT", "Call me on 07700 900123 about Millie", TUESDAY_MORNING), "channel");
        List<KeyValue<String, String>> input = new ArrayList<>(BATCH);
        input.add(KeyValue.pair("k-7", badTime));
        input.add(KeyValue.pair("k-8", noChannel));

        String log = capturingStandardError(() -> run(input));

        assertThat(log).as("the dead letters were logged").contains("m-bad-time", "m-no-channel");
        assertThat(log).doesNotContain("Amelia", "Millie", "coat", "07700", "Covering Oak", "nativity");
    }

    private static String capturingStandardError(Runnable body) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple looks System.err up on each write, so swapping it catches every log line.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    @Test
    void topic_names_can_be_changed() {
        Topics topics = new Topics("oakfield.in", "oakfield.out", "oakfield.bad");
        Run run = run(topics, BATCH);

        assertThat(run.decisions()).hasSize(4);
        assertThat(run.deadLetters()).hasSize(3);
        assertThat(tree(run.deadLetters().get(0).value).get("topic").asText()).isEqualTo("oakfield.in");
    }

    @Test
    void the_three_topics_must_all_differ_and_not_be_blank() {
        assertThatThrownBy(() -> new Topics("a", "a", "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> new Topics("a", "b", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topics("a", "b", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deadLetter topic: blank");
        assertThatThrownBy(() -> new Topics(null, "b", "c")).isInstanceOf(NullPointerException.class);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
