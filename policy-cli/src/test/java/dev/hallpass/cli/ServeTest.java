package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code policy serve} over real HTTP, against a server on a free port of 127.0.0.1. */
final class ServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String GOOD = message("m-1", "PARENT", "2026-11-24T10:00:00Z");
    private static PolicyServer server;

    /** A serve command's server, as {@code policy serve ARGS} would start it, and what it printed. */
    record Started(PolicyServer server, String err) {}

    static Started serve(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        StringWriter err = new StringWriter();
        PolicyServer s = command.start(new PrintWriter(err, true));
        assertThat(s).as(err.toString()).isNotNull();
        return new Started(s, err.toString());
    }

    @BeforeAll
    static void start() {
        server = serve("--port", "0", "--no-semantic", "--no-decision-log").server();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String message(String id, String role, String sentAt) {
        return "{\"id\":\"" + id + "\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"" + role + "\"},"
                + "\"text\":\"See you at the fair\",\"sentAt\":\"" + sentAt + "\"}";
    }

    static HttpResponse<String> post(PolicyServer s, String path, BodyPublisher body) throws IOException, InterruptedException {
        return send(s, HttpRequest.newBuilder(s.uri().resolve(path)).header("Content-Type", "application/json").POST(body));
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(server, path, BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(server, HttpRequest.newBuilder(server.uri().resolve(path)).GET());
    }

    private static HttpResponse<String> send(PolicyServer s, HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The decision {@code policy ARGS} prints for the one message {@code stdin}, run in-process,
     * without the {@code "line"} the command line adds in front (serve answers by position).
     */
    private static String cli(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            PolicyCli.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
            String line = out.toString().strip();
            assertThat(line).startsWith("{\"line\":1,");
            return "{" + line.substring("{\"line\":1,".length());
        } finally {
            System.setIn(original);
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void one_message_gets_the_decision_evaluate_writes_for_it() throws Exception {
        String hlta = message("m-9", "HLTA", "2026-11-28T10:00:00Z");

        HttpResponse<String> r = post("/v1/evaluate", hlta);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(r.body()).isEqualTo(cli(hlta + "\n", "evaluate", "--no-semantic"));
        assertThat(json(r).get("outcome").asText()).isEqualTo("BLOCK");
    }

    @Test
    void explain_answers_as_the_explain_command_does() throws Exception {
        String hlta = message("m-9", "HLTA", "2026-11-28T10:00:00Z");

        HttpResponse<String> r = post("/v1/explain", hlta);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(cli(hlta + "\n", "explain", "--no-semantic"));
        assertThat(json(r).get("explain").get("rules")).isNotEmpty();
    }

    @Test
    void an_array_is_answered_in_order_with_each_bad_element_answered_in_place_by_its_position() throws Exception {
        String body = "[" + String.join(",\n  ",
                GOOD,
                "{\"id\":\"m-2\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hi\"}",
                "42",
                "{\"id\":\"m-4\",\"channel\":\"CLASS_CHAT\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hi\",\"sentAt\":\"2026-11-24T10:00:00Z\"}",
                message("m-5", "HLTA", "2026-11-24T10:00:00Z")) + "]";

        HttpResponse<String> r = post("/v1/evaluate", body);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answers = json(r);
        assertThat(answers).hasSize(5);
        assertThat(answers.get(0).get("id").asText()).isEqualTo("m-1");
        assertThat(answers.get(0).get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(answers.get(1).toString()).isEqualTo("{\"line\":2,\"id\":\"m-2\",\"error\":\"sentAt: missing\"}");
        assertThat(answers.get(2).toString()).isEqualTo("{\"line\":3,\"id\":null,\"error\":\"(line): not a JSON object\"}");
        assertThat(answers.get(3).toString()).isEqualTo("{\"line\":4,\"id\":\"m-4\",\"error\":\"channel: duplicate key\"}");
        assertThat(answers.get(4).get("id").asText()).isEqualTo("m-5");
        assertThat(answers.get(4).get("outcome").asText()).isEqualTo("BLOCK");
    }

    @Test
    void an_array_of_explanations_holds_each_decision_with_its_explain() throws Exception {
        HttpResponse<String> r = post("/v1/explain", "[" + GOOD + "," + message("m-5", "HLTA", "2026-11-24T10:00:00Z") + "]");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answers = json(r);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).get("id").asText()).isEqualTo("m-5");
        assertThat(answers.get(1).has("explain")).isTrue();
    }

    @Test
    void an_empty_array_gets_an_empty_array() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", " [ ] ");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[]");
    }

    @Test
    void a_message_missing_a_field_gets_400_naming_it_and_no_outcome() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", "{\"id\":\"m-2\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"text\":\"hi\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"id\":\"m-2\",\"error\":\"sentAt: missing\"}");
    }

    @Test
    void a_duplicate_key_gets_400() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", GOOD.replace("\"channel\":\"CLASS_CHAT\"", "\"channel\":\"CLASS_CHAT\",\"channel\":\"PRIVATE_CHAT\""));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("channel: duplicate key");
        assertThat(json(r).has("outcome")).isFalse();
    }

    @Test
    void a_near_miss_of_a_field_name_gets_400_naming_both() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", GOOD.replace("sentAt", "sentat"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("sentat: unknown field (did you mean sentAt?)");
    }

    @Test
    void a_class_the_profile_does_not_have_gets_400() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", GOOD.replace("\"text\"", "\"classId\":\"nowhere\",\"text\""));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"id\":\"m-1\",\"error\":\"classId: unknown class \\\"nowhere\\\"\"}");
    }

    @Test
    void a_body_that_is_not_json_gets_400() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", "{ this is not json");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).startsWith("(body): invalid JSON");
        assertThat(json(r).get("id").isNull()).isTrue();
    }

    @Test
    void an_array_that_is_not_valid_json_gets_400_and_nothing_in_it_is_evaluated() throws Exception {
        HttpResponse<String> r = post("/v1/evaluate", "[" + GOOD + ", ");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).startsWith("(body): not a valid JSON array at line 1, column ");
    }

    @Test
    void a_body_that_is_not_utf8_gets_400() throws Exception {
        byte[] bytes = GOOD.replace("fair", "f\u00e9ir").getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> r = post(server, "/v1/evaluate", BodyPublishers.ofByteArray(bytes));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("(body): not valid UTF-8");
    }

    @Test
    void a_body_that_is_not_sent_as_json_gets_415() throws Exception {
        HttpResponse<String> r = send(server, HttpRequest.newBuilder(server.uri().resolve("/v1/evaluate"))
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(GOOD)));

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).has("outcome")).isFalse();
    }

    @Test
    void a_body_over_the_limit_gets_413_whether_its_length_is_declared_or_not() throws Exception {
        PolicyServer small = serve("--port", "0", "--no-semantic", "--no-decision-log", "--max-body-bytes", "1000").server();
        try {
            String padded = GOOD + " ".repeat(1000 - GOOD.length());
            byte[] over = (padded + " ".repeat(4000)).getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> declared = post(small, "/v1/evaluate", BodyPublishers.ofByteArray(over));
            HttpResponse<String> chunked = post(small, "/v1/evaluate", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over)));
            HttpResponse<String> atTheLimit = post(small, "/v1/evaluate", BodyPublishers.ofString(padded));

            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(declared.body()).isEqualTo("{\"error\":\"body: too large (limit 1000 bytes)\"}");
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(chunked.body()).isEqualTo(declared.body());
            assertThat(atTheLimit.statusCode()).isEqualTo(200);
        } finally {
            small.close();
        }
    }

    @Test
    void an_unknown_path_gets_404() throws Exception {
        HttpResponse<String> r = get("/v1/evaluat");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).contains("POST /v1/evaluate");
    }

    @Test
    void a_wrong_method_gets_405_with_the_allowed_one() throws Exception {
        HttpResponse<String> getEvaluate = get("/v1/evaluate");
        HttpResponse<String> postHealth = post("/health", "{}");

        assertThat(getEvaluate.statusCode()).isEqualTo(405);
        assertThat(getEvaluate.headers().firstValue("Allow")).hasValue("POST");
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void health_is_ok_while_listening() throws Exception {
        HttpResponse<String> r = get("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void the_policy_endpoint_lists_every_clause_of_the_catalogue_in_order() throws Exception {
        HttpResponse<String> r = get("/v1/policy");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode policy = json(r);
        List<String> clauses = new ArrayList<>();
        policy.get("clauses").forEach(c -> clauses.add(c.get("clause").asText()));
        assertThat(clauses).containsSubsequence("3.1.1", "3.1.2", "4.2", "4.12", "5.4");
        JsonNode c412 = policy.get("clauses").get(clauses.indexOf("4.12"));
        assertThat(c412.get("status").asText()).isEqualTo("enforced");
        assertThat(c412.get("title").asText()).isNotBlank();
        assertThat(c412.get("text").asText()).isNotBlank();
        List<String> statuses = new ArrayList<>();
        policy.get("clauses").forEach(c -> statuses.add(c.get("status").asText()));
        assertThat(statuses).contains("informational").containsOnly("enforced", "informational");
        assertThat(policy.get("policyDigest").asText()).matches("sha256:[0-9a-f]{64}")
                .isEqualTo(json(post("/v1/evaluate", GOOD)).get("policyDigest").asText());
    }

    @Test
    void the_policy_digest_tells_a_server_without_the_semantic_tier_from_one_with_it() throws Exception {
        PolicyServer semantic = serve("--port", "0", "--no-decision-log").server();
        try {
            String with = json(send(semantic, HttpRequest.newBuilder(semantic.uri().resolve("/v1/policy")).GET())).get("policyDigest").asText();

            assertThat(with).startsWith("sha256:").isNotEqualTo(json(get("/v1/policy")).get("policyDigest").asText());
        } finally {
            semantic.close();
        }
    }

    @Test
    void it_listens_on_loopback_unless_told_otherwise_and_says_where() {
        ServeCommand defaults = new ServeCommand();
        new CommandLine(defaults).parseArgs();
        Started s = serve("--port", "0", "--no-semantic", "--no-decision-log");
        try {
            assertThat(defaults.host).isEqualTo("127.0.0.1");
            assertThat(defaults.port).isEqualTo(8181);
            assertThat(s.server().address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(s.err()).isEqualTo("policy serve: listening on http://127.0.0.1:" + s.server().address().getPort()
                    + System.lineSeparator());
        } finally {
            s.server().close();
        }
    }

    @Test
    void listening_beyond_loopback_must_be_asked_for_and_is_warned_about() {
        Started s = serve("--host", "0.0.0.0", "--port", "0", "--no-semantic", "--no-decision-log");
        try {
            assertThat(s.server().address().getAddress().isLoopbackAddress()).isFalse();
            assertThat(s.err()).contains("policy serve: warning: 0.0.0.0 is not a loopback address");
        } finally {
            s.server().close();
        }
    }

    @Test
    void out_of_range_options_are_refused_before_anything_starts() {
        for (String[] args : List.of(new String[] {"--port", "65536"}, new String[] {"--threads", "0"}, new String[] {"--max-body-bytes", "0"})) {
            StringWriter err = new StringWriter();
            String[] full = new String[args.length + 1];
            full[0] = "serve";
            System.arraycopy(args, 0, full, 1, args.length);

            int code = PolicyCli.run(full, new PrintWriter(new StringWriter()), new PrintWriter(err));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("policy: " + args[0] + ": must be between");
        }
    }

    @Test
    void with_the_semantic_tier_a_message_gets_the_decision_evaluate_writes_with_it() throws Exception {
        PolicyServer semantic = serve("--port", "0", "--no-decision-log").server();
        try {
            String pickUp = "{\"id\":\"m-s\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
                    + "\"text\":\"I'm on a late shift so her grandad will be at the gate for her tonight\",\"sentAt\":\"2026-12-01T10:00:00Z\"}";

            HttpResponse<String> r = post(semantic, "/v1/evaluate", BodyPublishers.ofString(pickUp));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(cli(pickUp + "\n", "evaluate"));
            assertThat(json(r).get("redirectTo").asText()).isEqualTo("PHONE_SCHOOL_OFFICE"); // the word lists alone: ALLOW
        } finally {
            semantic.close();
        }
    }
}
