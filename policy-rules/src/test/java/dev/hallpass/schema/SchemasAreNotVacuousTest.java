package dev.hallpass.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.InvalidProfileException;
import dev.hallpass.SchoolProfile;
import dev.hallpass.fixtures.Engines;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.json.MessageJson;
import dev.hallpass.json.PolicyCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The schemas refuse what Hallpass refuses and accept what it accepts: each bad input below fails
 * both the schema and the code, each good one passes both. So a schema cannot pass by accepting
 * everything.
 */
final class SchemasAreNotVacuousTest {
    private static final Object REMOVE = new Object();

    static final String MESSAGE = """
            {"id": "m-1", "channel": "CLASS_CHAT", "sender": {"id": "p-1", "role": "PARENT"}, "classId": "oak",
             "text": "Has anyone seen Amelia's coat?", "attachments": [{"type": "PHOTO", "name": "fair.jpg"}],
             "sentAt": "2026-11-30T19:30:00Z"}""";

    /** {@code json} with the value at each JSON pointer replaced ({@link #REMOVE} removes it). */
    static String with(String json, Object... pointersAndValues) {
        try {
            JsonNode root = Schemas.JSON.readTree(json);
            for (int i = 0; i < pointersAndValues.length; i += 2) {
                String pointer = (String) pointersAndValues[i];
                int cut = pointer.lastIndexOf('/');
                JsonNode parent = root.at(pointer.substring(0, cut));
                String key = pointer.substring(cut + 1);
                Object value = pointersAndValues[i + 1];
                if (parent.isArray()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(key), Schemas.JSON.valueToTree(value));
                } else if (value == REMOVE) {
                    ((ObjectNode) parent).remove(key);
                } else {
                    ((ObjectNode) parent).set(key, Schemas.JSON.valueToTree(value));
                }
            }
            return Schemas.JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String builtInProfileAsJson() {
        try {
            JsonNode tree = new YAMLMapper().readTree(Schemas.ROOT.resolve("policy-rules/src/main/resources/hallpass/default-profile.yaml").toFile());
            return Schemas.JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<DynamicTest> refusedByBoth(String schema, String base, Map<String, Object[]> cases,
            java.util.function.Consumer<String> code) {
        return cases.entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> {
            String json = with(base, c.getValue());
            assertThat(Schemas.problems(schema, json)).as("the %s schema on %s", schema, json).isNotEmpty();
            assertThatThrownBy(() -> code.accept(json)).as("Hallpass on %s", json)
                    .isInstanceOfAny(InvalidMessageException.class, InvalidProfileException.class);
        }));
    }

    private static Stream<DynamicTest> acceptedByBoth(String schema, String base, Map<String, Object[]> cases,
            java.util.function.Consumer<String> code) {
        return cases.entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> {
            String json = with(base, c.getValue());
            assertThat(Schemas.problems(schema, json)).as("the %s schema on %s", schema, json).isEmpty();
            assertThatCode(() -> code.accept(json)).as("Hallpass on %s", json).doesNotThrowAnyException();
        }));
    }

    private static Object[] edit(Object... pointersAndValues) {
        return pointersAndValues;
    }

    @TestFactory
    Stream<DynamicTest> a_message_hallpass_refuses_fails_the_message_schema() {
        return refusedByBoth("message", MESSAGE, Map.ofEntries(
                Map.entry("without sentAt", edit("/sentAt", REMOVE)),
                Map.entry("without id", edit("/id", REMOVE)),
                Map.entry("without text", edit("/text", REMOVE)),
                Map.entry("without sender", edit("/sender", REMOVE)),
                Map.entry("without sender.role", edit("/sender/role", REMOVE)),
                Map.entry("with channel null", edit("/channel", null)),
                Map.entry("with an unknown channel", edit("/channel", "GROUP_CHAT")),
                Map.entry("with an unknown role", edit("/sender/role", "PUPIL")),
                Map.entry("with an unknown attachment type", edit("/attachments/0/type", "AUDIO")),
                Map.entry("with sentAt not a time", edit("/sentAt", "yesterday")),
                Map.entry("with sentAt without an offset", edit("/sentAt", "2026-11-30T19:30:00")),
                Map.entry("with sentAt a number", edit("/sentAt", 1764531000)),
                Map.entry("with a numeric id", edit("/id", 7)),
                Map.entry("with attachments not a list", edit("/attachments", "fair.jpg"))),
                MessageJson::parse);
    }

    @TestFactory
    Stream<DynamicTest> a_message_hallpass_accepts_passes_the_message_schema() {
        return acceptedByBoth("message", MESSAGE, Map.ofEntries(
                Map.entry("as in the contract", edit()),
                Map.entry("with enums in lower case", edit("/channel", "class_chat", "/sender/role", "parent", "/attachments/0/type", "photo")),
                Map.entry("with enums in mixed case and spaces around", edit("/channel", " Class_Chat ", "/sender/role", "\tTeacher")),
                Map.entry("with optional fields null", edit("/classId", null, "/sender/id", null, "/attachments", null)),
                Map.entry("with empty text", edit("/text", "")),
                Map.entry("with an offset date-time", edit("/sentAt", "2026-10-14T15:30:00.250+01:00")),
                Map.entry("with an unknown field far from every known one", edit("/colour", "blue"))),
                MessageJson::parse);
    }

    private static String decision() {
        return DecisionJson.toJson(Engines.defaults().evaluate(MessageJson.parse(MESSAGE)));
    }

    @TestFactory
    Stream<DynamicTest> a_decision_the_contract_does_not_allow_fails_the_decision_schema() {
        String base = decision();
        return Map.ofEntries(
                Map.entry("outcome MAYBE", edit("/outcome", "MAYBE")),
                Map.entry("outcome in lower case (output is canonical)", edit("/outcome", "redirect")),
                Map.entry("REDIRECT without redirectTo", edit("/redirectTo", REMOVE)),
                Map.entry("WARN with redirectTo", edit("/outcome", "WARN")),
                Map.entry("without reasons", edit("/reasons", REMOVE)),
                Map.entry("without obligations", edit("/obligations", REMOVE)),
                Map.entry("an unknown obligation", edit("/obligations", new String[] {"CALL_POLICE"})),
                Map.entry("an unknown route", edit("/redirectTo", "EMAIL_HEAD")),
                Map.entry("a reason without its tip", edit("/reasons/0/message", REMOVE)),
                Map.entry("a reason's score over 1", edit("/reasons/0/score", 1.5)),
                Map.entry("a reason marked shadow false", edit("/reasons/0/shadow", false)),
                Map.entry("evidence with both a span and an attachment", edit("/reasons/0/evidence/0/attachment", 0)),
                Map.entry("evidence with a negative start", edit("/reasons/0/evidence/0/start", -1)),
                Map.entry("a policyDigest that is not sha256 hex", edit("/policyDigest", "sha256:abc")),
                Map.entry("a field the contract does not have", edit("/verdict", "no")))
                .entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> {
                    assertThat(Schemas.problems("decision", base)).as("the unedited decision %s", base).isEmpty();
                    String json = with(base, c.getValue());
                    assertThat(Schemas.problems("decision", json)).as(json).isNotEmpty();
                    assertThat(Schemas.problems("line", json)).as(json).isNotEmpty();
                }));
    }

    @Test
    void the_optional_fields_of_contract_7_2_pass_the_decision_schema_when_well_formed() {
        String json = with(decision(), "/message", "Send this to the class teacher in a private chat (policy 4.12).",
                "/policyDigest", "sha256:" + "0123456789abcdef".repeat(4),
                "/rewrite", Map.of("text", "See you at the fair", "replaced", java.util.List.of(Map.of("kind", "CHILD_NAME", "start", 0, "end", 3))),
                "/reasons/0/score", 0.875);
        assertThat(Schemas.problems("decision", json)).isEmpty();
        assertThat(Schemas.problems("decision", with(json, "/outcome", "ALLOW", "/redirectTo", REMOVE)))
                .as("an ALLOW has no summary tip").isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> an_error_line_without_what_contract_4_asks_fails_the_error_schema() {
        String base = DecisionJson.error(7, "m-007", "sentAt: missing");
        return Map.ofEntries(
                Map.entry("without id", edit("/id", REMOVE)),
                Map.entry("without line", edit("/line", REMOVE)),
                Map.entry("line 0", edit("/line", 0)),
                Map.entry("an empty error", edit("/error", "")),
                Map.entry("an outcome beside the error", edit("/outcome", "ALLOW")),
                Map.entry("a Kafka topic without partition and offset", edit("/topic", "hallpass.messages")))
                .entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> {
                    assertThat(Schemas.problems("error", base)).isEmpty();
                    assertThat(Schemas.problems("error", DecisionJson.error(3, null, "(line): invalid JSON at column 2"))).isEmpty();
                    String json = with(base, c.getValue());
                    assertThat(Schemas.problems("error", json)).as(json).isNotEmpty();
                    assertThat(Schemas.problems("line", json)).as(json).isNotEmpty();
                }));
    }

    private static void parseProfile(String json) {
        SchoolProfile.parse(json, "profile.json");
    }

    @TestFactory
    Stream<DynamicTest> a_profile_hallpass_refuses_fails_the_profile_schema() {
        return refusedByBoth("profile", builtInProfileAsJson(), Map.ofEntries(
                Map.entry("a working day that does not exist", edit("/workingHours/days", new String[] {"MONDAY", "FUNDAY"})),
                Map.entry("working hours without days", edit("/workingHours/days", REMOVE)),
                Map.entry("a start that is not HH:MM", edit("/workingHours/start", "8am")),
                Map.entry("an hour 24", edit("/workingHours/end", "24:00")),
                Map.entry("the school office without a phone", edit("/contacts/schoolOffice/phone", REMOVE)),
                Map.entry("the school office without a name", edit("/contacts/schoolOffice/name", REMOVE)),
                Map.entry("a phone number of three digits", edit("/contacts/nursingTeam/phone", "123")),
                Map.entry("no nursing team", edit("/contacts/nursingTeam", REMOVE)),
                Map.entry("no timezone", edit("/timezone", REMOVE)),
                Map.entry("a blank school name", edit("/school", "  ")),
                Map.entry("an unknown top-level field", edit("/colour", "green")),
                Map.entry("an unknown contact", edit("/contacts/head", Map.of("name", "Mrs Jones", "phone", "01632 960009"))),
                Map.entry("a closed date in month 13", edit("/closedDates", new String[] {"2026-13-01"})),
                Map.entry("a closed date range with three parts", edit("/closedDates", new String[] {"2026-12-01..2026-12-02..2026-12-03"})),
                Map.entry("a class without an id", edit("/classes/0/id", REMOVE)),
                Map.entry("a child without a name", edit("/classes/0/children/0/name", REMOVE)),
                Map.entry("a blank alias", edit("/classes/0/children/0/aliases", new String[] {" "})),
                Map.entry("a clause outcome that does not exist", edit("/clauses", Map.of("5.4", Map.of("outcome", "MAYBE")))),
                Map.entry("a clause route without outcome REDIRECT", edit("/clauses", Map.of("5.4", Map.of("outcome", "WARN", "redirectTo", "PRIVATE_CHAT")))),
                Map.entry("a clause route without an outcome", edit("/clauses", Map.of("5.4", Map.of("redirectTo", "PRIVATE_CHAT")))),
                Map.entry("a clause mode that does not exist", edit("/clauses", Map.of("6.1", Map.of("mode", "trial")))),
                Map.entry("a clause enabled as a string", edit("/clauses", Map.of("4.7", Map.of("enabled", "no")))),
                Map.entry("a threshold of 1", edit("/clauses", Map.of("4.3", Map.of("threshold", 1)))),
                Map.entry("an unknown clause setting", edit("/clauses", Map.of("4.3", Map.of("severity", "high")))),
                Map.entry("a word list for PHOTO", edit("/words", Map.of("PHOTO", Map.of("add", new String[] {"selfie"})))),
                Map.entry("a school's own list not in capitals", edit("/words", Map.of("selling", Map.of("add", new String[] {"for sale"})))),
                Map.entry("a phrase of nine words", edit("/words", Map.of("URGENCY", Map.of("add", new String[] {"a b c d e f g h i"})))),
                Map.entry("a phrase with a word class", edit("/words", Map.of("URGENCY", Map.of("add", new String[] {"@time now"})))),
                Map.entry("a word list field that does not exist", edit("/words", Map.of("URGENCY", Map.of("remove", new String[] {"asap"})))),
                Map.entry("a notName with no letter or digit", edit("/notNames", new String[] {"!!!"})),
                Map.entry("notNames not a list", edit("/notNames", "Florence Road"))),
                SchemasAreNotVacuousTest::parseProfile);
    }

    @TestFactory
    Stream<DynamicTest> a_profile_hallpass_accepts_passes_the_profile_schema() {
        return acceptedByBoth("profile", builtInProfileAsJson(), Map.ofEntries(
                Map.entry("the built-in profile", edit()),
                Map.entry("days in lower case", edit("/workingHours/days", new String[] {"monday", " Friday "})),
                Map.entry("no working days at all", edit("/workingHours/days", new String[0])),
                Map.entry("times with seconds", edit("/workingHours/start", "08:00:00", "/workingHours/end", "17:30:59")),
                Map.entry("a kind's word list in lower case and a school's own list",
                        edit("/words", Map.of("urgency", Map.of("add", new String[] {"code red"}), "SELLING", Map.of("add", new String[] {"for sale"})))),
                Map.entry("clause settings as §6 and §7 allow", edit("/clauses", Map.of("4.7", Map.of("enabled", false),
                        "5.4", Map.of("outcome", "redirect", "redirectTo", "private_chat"), "4.1", Map.of("mode", "SHADOW"),
                        "4.3", Map.of("threshold", 0.4)))),
                Map.entry("optional lists null", edit("/closedDates", null, "/classes", null, "/clauses", null, "/words", null, "/notNames", null)),
                Map.entry("contacts with their default names", edit("/contacts/school/name", REMOVE, "/contacts/nursingTeam/name", REMOVE,
                        "/contacts/evidenceForLearning", REMOVE)),
                Map.entry("notNames", edit("/notNames", new String[] {"Florence Road", "Victoria Day"}))),
                SchemasAreNotVacuousTest::parseProfile);
    }

    static final String CASE = "{\"name\": \"fair\", \"message\": " + MESSAGE
            + ", \"expect\": {\"outcome\": \"REDIRECT\", \"redirectTo\": \"EVIDENCE_FOR_LEARNING\", \"clauses\": [\"4.12\"],"
            + " \"notClauses\": [\"4.4\"], \"obligations\": [\"DEFER_UNTIL_WORKING_HOURS\"], \"messageContains\": [\"4.12\"],"
            + " \"messageNotContains\": [\"Amelia\"]}}";

    @TestFactory
    Stream<DynamicTest> a_case_hallpass_refuses_fails_the_case_schema() {
        return refusedByBoth("case", CASE, Map.ofEntries(
                Map.entry("without expect", edit("/expect", REMOVE)),
                Map.entry("without message", edit("/message", REMOVE)),
                Map.entry("a message without sentAt", edit("/message/sentAt", REMOVE)),
                Map.entry("an expected outcome MAYBE", edit("/expect/outcome", "MAYBE")),
                Map.entry("an unknown expected route", edit("/expect/redirectTo", "EMAIL_HEAD")),
                Map.entry("an unknown obligation", edit("/expect/obligations", new String[] {"CALL_POLICE"})),
                Map.entry("clauses not a list", edit("/expect/clauses", "4.12"))),
                PolicyCase::parse);
    }

    @Test
    void a_case_passes_the_case_schema_as_hallpass_reads_it_and_a_misspelt_expectation_does_not() {
        for (String ok : new String[] {CASE, with(CASE, "/expect/outcome", "redirect", "/knownGap", "why"), with(CASE, "/name", REMOVE)}) {
            assertThat(Schemas.problems("case", ok)).as(ok).isEmpty();
            assertThatCode(() -> PolicyCase.parse(ok)).doesNotThrowAnyException();
        }
        String misspelt = with(CASE, "/expect/notclauses", new String[] {"4.12"});
        assertThatCode(() -> PolicyCase.parse(misspelt)).as("./policy test ignores fields it does not know").doesNotThrowAnyException();
        assertThat(Schemas.problems("case", misspelt)).as("the schema is stricter on purpose").isNotEmpty();
    }

    @Test
    void every_schema_is_a_2020_12_schema_with_its_own_id_a_title_and_a_description() throws IOException {
        assertThat(Schemas.names()).containsExactlyInAnyOrder("case", "decision", "error", "line", "message", "profile");
        for (String name : Schemas.names()) {
            JsonNode s = Schemas.JSON.readTree(Schemas.FOLDER.resolve(name + ".schema.json").toFile());
            assertThat(s.path("$schema").asText()).as(name).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(s.path("$id").asText()).as(name).isEqualTo(Schemas.BASE + name + ".schema.json");
            assertThat(s.path("title").asText()).as(name).isNotBlank();
            assertThat(s.path("description").asText()).as(name).isNotBlank();
        }
    }
}
