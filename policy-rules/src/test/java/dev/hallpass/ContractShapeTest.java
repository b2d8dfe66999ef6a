package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.fixtures.Engines;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.json.MessageJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions written as JSON have exactly the contract's shape (§3). */
final class ContractShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PolicyEngine engine = Engines.defaults();

    private JsonNode decide(String messageJson) throws Exception {
        return JSON.readTree(DecisionJson.toJson(engine.evaluate(MessageJson.parse(messageJson))));
    }

    @Test
    void the_contracts_example_message_gets_the_contracts_example_decision() throws Exception {
        JsonNode d = decide("""
                {"id": "m-001", "channel": "CLASS_CHAT", "sender": {"id": "p-17", "role": "PARENT"}, "classId": "oak",
                 "text": "Does anyone know if Amelia left her coat at the party?",
                 "attachments": [{"type": "PHOTO", "name": "party.jpg"}], "sentAt": "2026-11-30T19:30:00Z"}
                """);
        JsonNode expected = JSON.readTree("""
                {"id": "m-001", "outcome": "REDIRECT", "redirectTo": "PRIVATE_CHAT",
                 "reasons": [
                   {"clause": "4.12", "outcome": "REDIRECT", "redirectTo": "PRIVATE_CHAT",
                    "message": "Names and photos of children can't be shared where other parents can see them (policy 4.12). Send this to the class teacher in a private chat.",
                    "evidence": [{"kind": "CHILD_NAME", "start": 20, "end": 26}, {"kind": "PHOTO", "attachment": 0}]},
                   {"clause": "4.7", "outcome": "WARN",
                    "message": "It's outside school working hours (Monday–Friday 8:00–17:00, policy 4.7). Your message will be seen on the next working day.",
                    "evidence": []}],
                 "obligations": ["DEFER_UNTIL_WORKING_HOURS"]}
                """);
        // The §3 example predates §7.2's optional fields: they are checked on their own.
        JsonNode contractFields = ((com.fasterxml.jackson.databind.node.ObjectNode) d.deepCopy()).without(List.of("message", "policyDigest"));
        assertThat(contractFields).isEqualTo(expected);
        assertThat(d.get("message").asText()).startsWith("Please send this to the class teacher in a private chat instead.");
        assertThat(d.get("policyDigest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(d.has("rewrite")).as("a photo is not a name or a contact detail").isFalse();
    }

    @Test
    void a_saturday_parent_message_is_a_warning_with_the_deferral_obligation() throws Exception {
        JsonNode d = decide("""
                {"id": "m-sat", "channel": "PRIVATE_CHAT", "sender": {"id": "p-1", "role": "PARENT"},
                 "text": "Hi, quick question about the trip", "sentAt": "2026-11-28T10:00:00Z"}
                """);
        assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) d.deepCopy()).without(List.of("policyDigest")).toString())
                .isEqualTo("{\"id\":\"m-sat\",\"outcome\":\"WARN\","
                + "\"message\":\"It's outside school working hours (Monday–Friday 8:00–17:00, policy 4.7). Your message will be seen on the next working day.\","
                + "\"reasons\":[{\"clause\":\"4.7\",\"outcome\":\"WARN\","
                + "\"message\":\"It's outside school working hours (Monday–Friday 8:00–17:00, policy 4.7). Your message will be seen on the next working day.\","
                + "\"evidence\":[]}],\"obligations\":[\"DEFER_UNTIL_WORKING_HOURS\"]}");
    }

    @Test
    void an_hlta_message_is_blocked_citing_4_4_without_a_route() throws Exception {
        JsonNode d = decide("""
                {"id": "m-h", "channel": "CLASS_CHAT", "sender": {"id": "h-1", "role": "HLTA"},
                 "text": "Cover today", "sentAt": "2026-11-24T10:00:00Z"}
                """);
        assertThat(d.get("outcome").asText()).isEqualTo("BLOCK");
        assertThat(d.has("redirectTo")).isFalse();
        assertThat(d.get("reasons").get(0).get("clause").asText()).isEqualTo("4.4");
        assertThat(d.get("obligations").isEmpty()).isTrue();
    }

    @Test
    void an_explanation_lists_the_rules_that_fired_and_their_files() {
        Explanation x = engine.explain(MessageJson.parse("""
                {"id": "m-h", "channel": "SCHOOL_STORY", "sender": {"role": "HLTA"},
                 "text": "Cover today", "attachments": [{"type": "PHOTO"}], "sentAt": "2026-11-28T10:00:00Z"}
                """));
        assertThat(x.firedRules()).extracting(Explanation.FiredRule::clause).containsExactlyInAnyOrder("3.1.1", "4.4", "4.7", "4.12");
        assertThat(x.firedRules()).extracting(Explanation.FiredRule::file).contains("clause-4.4-hlta-no-access.drl");
        assertThat(x.findings()).containsExactly(Evidence.attachment(dev.hallpass.facts.FindingKind.PHOTO, 0));
        assertThat(x.decision()).isEqualTo(engine.evaluate(MessageJson.parse("""
                {"id": "m-h", "channel": "SCHOOL_STORY", "sender": {"role": "HLTA"},
                 "text": "Cover today", "attachments": [{"type": "PHOTO"}], "sentAt": "2026-11-28T10:00:00Z"}
                """)));
    }
}
