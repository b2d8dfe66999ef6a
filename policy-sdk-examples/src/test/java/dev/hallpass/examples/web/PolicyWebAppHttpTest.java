package dev.hallpass.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallpass.PolicyEngine;
import dev.hallpass.SchoolProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class PolicyWebAppHttpTest {
    private static final PolicyEngine ENGINE = PolicyEngine.builder().build();
    private static final String TUESDAY_MORNING = "2026-11-24T10:00:00Z";
    private static final String TUESDAY_EVENING = "2026-11-24T20:00:00Z";
    private static final String AMELIA = "Does anyone know if Amelia left her coat?";
    private static final String NATIVITY = "What time does the nativity start?";
    private static final String INVITATION = "Thank you for the party invitation, Amelia would love to come.";
    private static final String INVITATION_REWRITTEN = "Thank you for the party invitation, my child would love to come.";

    private final HttpClient http = HttpClient.newHttpClient();
    private PolicyWebApp app;

    @BeforeEach
    void start() throws IOException {
        app = PolicyWebApp.start(ENGINE, 0);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_app_listens_on_loopback_only() {
        assertThat(app.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(app.port()).isPositive();
    }

    @Test
    void a_child_named_in_class_chat_is_redirected_to_private_chat_with_the_name_as_evidence() throws Exception {
        HttpResponse<String> r = post("/evaluate", message("m-1", "CLASS_CHAT", "PARENT", AMELIA, TUESDAY_MORNING));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode d = json(r);
        assertThat(d.get("id").asText()).isEqualTo("m-1");
        assertThat(d.get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(d.get("redirectTo").asText()).isEqualTo("PRIVATE_CHAT");
        JsonNode reason = d.get("reasons").get(0);
        assertThat(reason.get("clause").asText()).isEqualTo("4.12");
        assertThat(reason.get("message").asText()).contains("policy 4.12").doesNotContain("Amelia");
        JsonNode evidence = reason.get("evidence").get(0);
        assertThat(evidence.get("kind").asText()).isEqualTo("CHILD_NAME");
        assertThat(AMELIA.substring(evidence.get("start").asInt(), evidence.get("end").asInt())).isEqualTo("Amelia");
    }

    @Test
    void a_question_about_an_event_is_allowed_with_no_reasons() throws Exception {
        JsonNode d = json(post("/evaluate", message("m-2", "class_chat", "parent", NATIVITY, TUESDAY_MORNING)));

        assertThat(d.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(d.get("reasons")).isEmpty();
        assertThat(d.get("obligations")).isEmpty();
    }

    @Test
    void a_message_without_sent_at_is_a_bad_request_naming_the_field() throws Exception {
        HttpResponse<String> r = post("/evaluate",
                "{\"id\":\"m-3\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hello\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = json(r);
        assertThat(e.get("line").asInt()).isEqualTo(1);
        assertThat(e.get("id").asText()).isEqualTo("m-3");
        assertThat(e.get("error").asText()).isEqualTo("sentAt: missing");
        assertThat(e.has("outcome")).as("a message that could not be evaluated has no outcome").isFalse();
    }

    @Test
    void an_unknown_role_is_a_bad_request_naming_the_field_and_not_its_value() throws Exception {
        HttpResponse<String> r = post("/evaluate", message("m-4", "CLASS_CHAT", "HEADMASTER", NATIVITY, TUESDAY_MORNING));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).startsWith("sender.role: unknown value").doesNotContain("HEADMASTER");
    }

    @Test
    void text_that_is_not_json_is_a_bad_request_with_a_null_id() throws Exception {
        HttpResponse<String> r = post("/evaluate", "{not json");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = json(r);
        assertThat(e.get("id").isNull()).isTrue();
        assertThat(e.get("error").asText()).startsWith("(line): invalid JSON");
    }

    @Test
    void a_benign_message_is_sent_and_listed_under_its_channel_only() throws Exception {
        HttpResponse<String> r = post("/send", message("m-5", "CLASS_CHAT", "PARENT", NATIVITY, TUESDAY_MORNING));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = json(r);
        assertThat(d.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(d.get("sent").get("deferred").asBoolean()).isFalse();
        JsonNode classChat = json(get("/messages?channel=CLASS_CHAT"));
        assertThat(classChat.get("channel").asText()).isEqualTo("CLASS_CHAT");
        assertThat(classChat.get("messages")).hasSize(1);
        assertThat(classChat.get("messages").get(0).get("id").asText()).isEqualTo("m-5");
        assertThat(classChat.get("messages").get(0).get("text").asText()).isEqualTo(NATIVITY);
        assertThat(json(get("/messages?channel=private_chat")).get("messages")).isEmpty();
    }

    @Test
    void a_redirected_message_is_not_sent_and_the_decision_comes_back_with_409() throws Exception {
        HttpResponse<String> r = post("/send", message("m-6", "CLASS_CHAT", "PARENT", AMELIA, TUESDAY_MORNING));

        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode d = json(r);
        assertThat(d.get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(d.get("redirectTo").asText()).isEqualTo("PRIVATE_CHAT");
        assertThat(d.has("sent")).isFalse();
        assertThat(json(get("/messages?channel=CLASS_CHAT")).get("messages")).isEmpty();
    }

    @Test
    void the_same_message_in_private_chat_is_sent() throws Exception {
        HttpResponse<String> r = post("/send", message("m-7", "PRIVATE_CHAT", "PARENT", AMELIA, TUESDAY_MORNING));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(get("/messages?channel=PRIVATE_CHAT")).get("messages")).hasSize(1);
    }

    @Test
    void a_blocked_message_is_not_sent() throws Exception {
        HttpResponse<String> r = post("/send", message("m-8", "CLASS_CHAT", "HLTA", "Covering Oak class today", TUESDAY_MORNING));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("outcome").asText()).isEqualTo("BLOCK");
        assertThat(json(get("/messages?channel=CLASS_CHAT")).get("messages")).isEmpty();
    }

    @Test
    void an_evening_message_is_sent_marked_deferred_until_working_hours() throws Exception {
        HttpResponse<String> r = post("/send", message("m-9", "CLASS_CHAT", "PARENT", NATIVITY, TUESDAY_EVENING));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = json(r);
        assertThat(d.get("outcome").asText()).isEqualTo("WARN");
        assertThat(d.get("obligations").toString()).contains("DEFER_UNTIL_WORKING_HOURS");
        assertThat(d.get("sent").get("deferred").asBoolean()).isTrue();
        JsonNode listed = json(get("/messages?channel=CLASS_CHAT")).get("messages").get(0);
        assertThat(listed.get("deferred").asBoolean()).isTrue();
        assertThat(listed.get("obligations").get(0).asText()).isEqualTo("DEFER_UNTIL_WORKING_HOURS");
    }

    @Test
    void listing_messages_needs_a_known_channel() throws Exception {
        HttpResponse<String> missing = get("/messages");
        HttpResponse<String> unknown = get("/messages?channel=STAFFROOM");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").asText()).isEqualTo("channel: missing");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).startsWith("channel: unknown value");
    }

    @Test
    void a_post_that_is_not_json_is_refused_so_other_pages_cannot_post_a_form() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/send"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(message("m-10", "CLASS_CHAT", "PARENT", NATIVITY, TUESDAY_MORNING)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(get("/messages?channel=CLASS_CHAT")).get("messages")).isEmpty();
    }

    @Test
    void a_get_to_evaluate_is_method_not_allowed() throws Exception {
        HttpResponse<String> r = get("/evaluate");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void an_unknown_path_is_not_found() throws Exception {
        assertThat(get("/admin").statusCode()).isEqualTo(404);
    }

    @Test
    void a_body_larger_than_the_limit_is_refused() throws Exception {
        String huge = message("m-11", "CLASS_CHAT", "PARENT", "a".repeat(PolicyWebApp.MAX_BODY_BYTES), TUESDAY_MORNING);

        assertThat(post("/evaluate", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void the_page_and_its_assets_are_served_with_a_content_security_policy() throws Exception {
        HttpResponse<String> page = get("/");
        HttpResponse<String> script = get("/app.js");
        HttpResponse<String> style = get("/app.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(page.body()).contains("id=\"channel\"", "id=\"role\"", "id=\"text\"", "id=\"tip\"", "id=\"highlight\"",
                "id=\"send\"", "id=\"route\"", "id=\"status\"", "id=\"sent\"", "id=\"sentAt\"",
                "id=\"summary\"", "<details id=\"reasons\"", "id=\"rewrite\"", "id=\"clock-at\"", "id=\"clock-school-hours\"",
                "aria-live=\"polite\"", "<label for=\"text\"");
        assertThat(page.body()).as("no external resources").doesNotContain("http://", "https://", "//cdn");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("/evaluate", "/send");
        assertThat(style.statusCode()).isEqualTo(200);
    }

    @Test
    void the_config_lists_classes_but_never_childrens_names() throws Exception {
        HttpResponse<String> r = get("/config");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = json(r);
        assertThat(c.get("school").asText()).isEqualTo("Oakfield Primary School");
        assertThat(c.get("classes").get(0).get("id").asText()).isEqualTo("oak");
        assertThat(c.get("classes").get(0).get("teachers").get(0).asText()).isEqualTo("t-oak");
        assertThat(r.body()).doesNotContain("Amelia", "Millie", "children");
        for (SchoolProfile.SchoolClass k : ENGINE.profile().classes()) {
            for (SchoolProfile.Child child : k.children()) {
                assertThat(r.body()).as("no child's name in /config").doesNotContain(child.name())
                        .doesNotContainPattern("\\b" + Pattern.quote(child.name().split(" ")[0]) + "\\b");
                child.aliases().forEach(alias -> assertThat(r.body()).doesNotContainPattern("\\b" + Pattern.quote(alias) + "\\b"));
            }
        }
    }

    @Test
    void the_config_gives_the_schools_timezone_working_hours_and_closed_dates_for_the_pages_clock() throws Exception {
        JsonNode c = json(get("/config"));

        assertThat(c.get("timezone").asText()).isEqualTo("Europe/London");
        JsonNode hours = c.get("workingHours");
        assertThat(hours.get("days").toString()).isEqualTo("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]");
        assertThat(hours.get("start").asText()).isEqualTo("08:00");
        assertThat(hours.get("end").asText()).isEqualTo("17:00");
        assertThat(c.get("closedDates").get(1).get("from").asText()).isEqualTo("2026-12-21");
        assertThat(c.get("closedDates").get(1).get("to").asText()).isEqualTo("2027-01-01");
    }

    @Test
    void the_config_follows_the_profile_it_was_started_with() throws Exception {
        SchoolProfile profile = ENGINE.profile().toBuilder()
                .timezone(ZoneId.of("America/New_York"))
                .workingHours(new SchoolProfile.WorkingHours(Set.of(DayOfWeek.SATURDAY, DayOfWeek.MONDAY), LocalTime.of(9, 30), LocalTime.of(15, 0)))
                .closedDates(List.of())
                .build();
        try (PolicyWebApp other = PolicyWebApp.start(PolicyEngine.builder().profile(profile).semanticTier(false).build(), 0)) {
            JsonNode c = json(http.send(HttpRequest.newBuilder(other.uri().resolve("/config")).GET().build(), HttpResponse.BodyHandlers.ofString()));

            assertThat(c.get("timezone").asText()).isEqualTo("America/New_York");
            assertThat(c.get("workingHours").get("days").toString()).isEqualTo("[\"MONDAY\",\"SATURDAY\"]");
            assertThat(c.get("workingHours").get("start").asText()).isEqualTo("09:30");
            assertThat(c.get("workingHours").get("end").asText()).isEqualTo("15:00");
            assertThat(c.get("closedDates")).isEmpty();
        }
    }

    @Test
    void a_benign_message_at_tuesday_10_15_school_time_is_allowed_and_at_19_30_is_warned_under_4_7() throws Exception {
        // November: London is on GMT, so school time equals UTC.
        JsonNode morning = json(post("/evaluate", message("m-20", "CLASS_CHAT", "PARENT", NATIVITY, "2026-11-24T10:15:00Z")));
        JsonNode evening = json(post("/evaluate", message("m-21", "CLASS_CHAT", "PARENT", NATIVITY, "2026-11-24T19:30:00Z")));

        assertThat(morning.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(morning.get("reasons")).isEmpty();
        assertThat(evening.get("outcome").asText()).isEqualTo("WARN");
        assertThat(evening.get("reasons").get(0).get("clause").asText()).isEqualTo("4.7");
        assertThat(evening.get("obligations").toString()).contains("DEFER_UNTIL_WORKING_HOURS");
        assertThat(evening.get("message").asText()).contains("policy 4.7");
    }

    @Test
    void school_time_in_summer_is_read_in_the_schools_timezone_not_as_utc() throws Exception {
        // June: London is on BST. 10:15 at the school is 09:15Z; 07:30Z is 08:30 at the school.
        JsonNode morning = json(post("/evaluate", message("m-22", "CLASS_CHAT", "PARENT", NATIVITY, "2026-06-16T10:15:00+01:00")));
        JsonNode early = json(post("/evaluate", message("m-23", "CLASS_CHAT", "PARENT", NATIVITY, "2026-06-16T07:30:00Z")));

        assertThat(morning.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(early.get("outcome").asText()).as("08:30 BST is inside 08:00–17:00").isEqualTo("ALLOW");
    }

    @Test
    void a_decision_passes_through_the_summary_the_checked_rewrite_and_the_policy_digest() throws Exception {
        JsonNode d = json(post("/evaluate", message("m-24", "CLASS_CHAT", "PARENT", INVITATION, TUESDAY_MORNING)));

        assertThat(d.get("message").asText()).startsWith("Please send this to the class teacher in a private chat instead.")
                .contains("policy 4.12").doesNotContain("Amelia");
        JsonNode rewrite = d.get("rewrite");
        assertThat(rewrite.get("text").asText()).isEqualTo(INVITATION_REWRITTEN);
        JsonNode replaced = rewrite.get("replaced").get(0);
        assertThat(replaced.get("kind").asText()).isEqualTo("CHILD_NAME");
        assertThat(INVITATION.substring(replaced.get("start").asInt(), replaced.get("end").asInt())).isEqualTo("Amelia");
        assertThat(d.get("policyDigest").asText()).isEqualTo(ENGINE.policyDigest()).startsWith("sha256:");
        JsonNode refused = json(post("/send", message("m-25", "CLASS_CHAT", "PARENT", INVITATION, TUESDAY_MORNING)));
        assertThat(refused.get("rewrite").get("text").asText()).isEqualTo(rewrite.get("text").asText());
        assertThat(refused.get("message").asText()).isEqualTo(d.get("message").asText());
    }

    @Test
    void the_rewritten_text_is_sent_to_class_chat() throws Exception {
        String rewritten = json(post("/evaluate", message("m-26", "CLASS_CHAT", "PARENT", INVITATION, TUESDAY_MORNING)))
                .get("rewrite").get("text").asText();

        HttpResponse<String> r = post("/send", message("m-26", "CLASS_CHAT", "PARENT", rewritten, TUESDAY_MORNING));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(json(get("/messages?channel=CLASS_CHAT")).get("messages").get(0).get("text").asText()).isEqualTo(rewritten);
    }

    @Test
    void an_allowed_decision_has_no_summary_and_no_rewrite_but_the_digest() throws Exception {
        JsonNode d = json(post("/evaluate", message("m-27", "CLASS_CHAT", "PARENT", NATIVITY, TUESDAY_MORNING)));

        assertThat(d.has("message")).isFalse();
        assertThat(d.has("rewrite")).isFalse();
        assertThat(d.get("policyDigest").asText()).isEqualTo(ENGINE.policyDigest());
    }

    @Test
    void an_evening_post_naming_a_child_gets_no_rewrite_because_the_time_is_also_against_it() throws Exception {
        JsonNode d = json(post("/evaluate", message("m-28", "CLASS_CHAT", "PARENT", INVITATION, TUESDAY_EVENING)));

        assertThat(d.get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(d.get("reasons").toString()).contains("\"clause\":\"4.7\"");
        assertThat(d.has("rewrite")).isFalse();
    }

    @Test
    void the_command_line_defaults_to_port_8080_and_the_built_in_profile() {
        PolicyWebApp.Options o = PolicyWebApp.Options.parse();

        assertThat(o.port).isEqualTo(8080);
        assertThat(o.profile).isNull();
        assertThat(o.rules).isNull();
        assertThat(o.semantic).isTrue();
        assertThat(PolicyWebApp.Options.parse("--no-semantic").semantic).isFalse();
    }

    @Test
    void the_command_line_takes_a_port_a_profile_and_a_rules_directory() {
        PolicyWebApp.Options o = PolicyWebApp.Options.parse("9090", "--profile", "school.yaml", "--rules", "rules");

        assertThat(o.port).isEqualTo(9090);
        assertThat(o.profile).isEqualTo(Path.of("school.yaml"));
        assertThat(o.rules).isEqualTo(Path.of("rules"));
    }

    @Test
    void the_command_line_refuses_a_bad_port_and_an_unknown_option() {
        assertThatThrownBy(() -> PolicyWebApp.Options.parse("eighty")).hasMessageContaining("port");
        assertThatThrownBy(() -> PolicyWebApp.Options.parse("70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> PolicyWebApp.Options.parse("--verbose")).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> PolicyWebApp.Options.parse("--profile")).hasMessageContaining("--profile needs a value");
    }

    private static String message(String id, String channel, String role, String text, String sentAt) {
        return "{\"id\":\"" + id + "\",\"channel\":\"" + channel + "\",\"sender\":{\"id\":\"p-17\",\"role\":\"" + role
                + "\"},\"classId\":\"oak\",\"text\":\"" + text + "\",\"sentAt\":\"" + sentAt + "\"}";
    }

    private URI uri(String path) {
        return app.uri().resolve(path);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
