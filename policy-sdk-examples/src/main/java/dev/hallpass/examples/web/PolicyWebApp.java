package dev.hallpass.examples.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hallpass.facts.Channel;
import dev.hallpass.Decision;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.facts.Outcome;
import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.json.MessageJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small messaging web app that checks every draft against the school's policy, on the JDK's
 * {@link HttpServer} and bound to {@code 127.0.0.1} only.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /}</td><td>the page</td></tr>
 *   <tr><td>{@code POST /evaluate}</td><td>a message (contract §2) in, its decision (§3) out; 400
 *       with {@code {"line": 1, "id": …, "error": "field: problem"}} (§4) for bad input</td></tr>
 *   <tr><td>{@code POST /send}</td><td>evaluates, and when the outcome is ALLOW or WARN appends the
 *       message to its channel's sent list: 200 with the decision plus {@code "sent"} (the stored
 *       message, {@code "deferred": true} when it is held until working hours); otherwise 409 with
 *       the decision and nothing is sent</td></tr>
 *   <tr><td>{@code GET /messages?channel=CLASS_CHAT}</td><td>{@code {"channel", "messages": [...]}},
 *       oldest first</td></tr>
 *   <tr><td>{@code GET /config}</td><td>{@code {"school", "timezone", "workingHours": {"days",
 *       "start", "end"}, "closedDates": [{"from", "to"}], "classes": [{"id", "name", "teachers"}]}}:
 *       what the page needs to show the school's clock and pick a class; never the children's
 *       names</td></tr>
 * </table>
 *
 * <p>POST bodies must be sent as {@code application/json} (415 otherwise), which keeps other web
 * pages from posting to the app with a plain form. The engine is built once, before the server
 * starts, and shared by every request. Message text is never logged. An instance is thread-safe.
 */
public final class PolicyWebApp implements AutoCloseable {
    /** The largest request body accepted; a chat message is far smaller. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PolicyWebApp.class);
    private static final String JSON = "application/json; charset=utf-8";
    /** The app's own JSON library for what it adds around Hallpass's JSON (which comes as text). */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/app.js", new Asset("app.js", "text/javascript; charset=utf-8"),
            "/app.css", new Asset("app.css", "text/css; charset=utf-8"));

    private final PolicyEngine engine;
    private final HttpServer server;
    private final ExecutorService workers;
    private final Outbox outbox = new Outbox();
    private final byte[] config;

    private record Asset(String resource, String contentType) {}

    private PolicyWebApp(PolicyEngine engine, HttpServer server, ExecutorService workers) {
        this.engine = engine;
        this.server = server;
        this.workers = workers;
        this.config = bytes(config(engine.profile()));
    }

    /**
     * Starts the app on {@code 127.0.0.1}.
     *
     * @param engine the engine every request is checked with; built once by the caller
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @return the running app; {@link #close()} stops it
     * @throws IOException if the port cannot be bound
     * @throws IllegalArgumentException if {@code port} is outside 0–65535
     * @throws NullPointerException if {@code engine} is null
     */
    public static PolicyWebApp start(PolicyEngine engine, int port) throws IOException {
        Objects.requireNonNull(engine, "engine");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0–65535, was " + port);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "hallpass-web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        PolicyWebApp app = new PolicyWebApp(engine, server, workers);
        server.createContext("/", app::handle);
        server.setExecutor(workers);
        server.start();
        return app;
    }

    /** The port the app listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/");
    }

    /** Stops the server at once; requests in flight are dropped. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /**
     * Runs the demo until the process is stopped.
     *
     * <pre>{@code PolicyWebApp [PORT] [--profile FILE] [--rules DIR] [--no-semantic]}</pre>
     *
     * <p>PORT defaults to 8080; with no {@code --profile} the built-in profile of the seed's school is
     * used, and {@code --rules DIR} adds a school's own rule files, as for {@code ./policy}; the semantic
     * tier reads every draft unless {@code --no-semantic}. Exits
     * with 2 for bad arguments and 1 when the profile or rules cannot be loaded or the port bound.
     *
     * @param args the command line above
     * @throws InterruptedException if the main thread is interrupted while the server runs
     */
    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("policy-web: " + e.getMessage());
            System.err.println("usage: PolicyWebApp [PORT] [--profile FILE] [--rules DIR] [--no-semantic]");
            System.exit(2);
            return;
        }
        PolicyWebApp app;
        try {
            PolicyEngine.Builder builder = PolicyEngine.builder().semanticTier(options.semantic);
            if (options.profile != null) {
                builder.profile(SchoolProfile.load(options.profile));
            }
            if (options.rules != null) {
                builder.rulesDirectory(options.rules);
            }
            app = start(builder.build(), options.port);
        } catch (PolicyException | IllegalArgumentException | IOException | UncheckedIOException e) {
            System.err.println("policy-web: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "hallpass-web-shutdown"));
        System.out.println("Hallpass demo for " + app.engine.profile().school() + ": open " + app.uri() + " (Ctrl-C stops it)");
        stopped.await();
    }

    /** The command line: {@code [PORT] [--port PORT] [--profile FILE] [--rules DIR] [--no-semantic]}. */
    static final class Options {
        int port = 8080;
        boolean semantic = true;
        Path profile;
        Path rules;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--profile" -> o.profile = Path.of(value(args, ++i, a));
                    case "--rules" -> o.rules = Path.of(value(args, ++i, a));
                    case "--port" -> o.port = port(value(args, ++i, a));
                    case "--no-semantic" -> o.semantic = false;
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        o.port = port(a);
                    }
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int port(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p >= 0 && p <= 65_535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // fall through to the one error below
            }
            throw new IllegalArgumentException("port must be a number 0–65535, was " + s);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        int status = 0;
        try {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            status = route(ex, path);
        } catch (RuntimeException e) {
            // The exception's message could quote the request; log only its type.
            LOG.error("{} {} failed: {}", method, path, e.getClass().getName());
            try {
                status = error(ex, 500, "internal error");
            } catch (IOException | RuntimeException headersAlreadySent) {
                status = 500;
            }
        } finally {
            ex.close();
        }
        LOG.debug("{} {} -> {}", method, path, status);
    }

    private int route(HttpExchange ex, String path) throws IOException {
        Asset asset = ASSETS.get(path);
        int refused = switch (path) {
            case "/evaluate", "/send" -> refuseUnlessJsonPost(ex);
            case "/messages", "/config" -> refuseUnlessGet(ex);
            default -> asset != null ? refuseUnlessGet(ex) : error(ex, 404, "no such page: " + path);
        };
        if (refused != 0) {
            return refused;
        }
        return switch (path) {
            case "/evaluate" -> evaluate(ex);
            case "/send" -> send(ex);
            case "/messages" -> messages(ex);
            case "/config" -> respond(ex, 200, JSON, config);
            default -> asset(ex, asset);
        };
    }

    /** A request body read as a message, or the status already answered (413 too large, 400 bad message). */
    private record Parsed(ProposedMessage message, int status) {}

    private Parsed parse(HttpExchange ex) throws IOException {
        String body = body(ex);
        if (body == null) {
            return new Parsed(null, 413);
        }
        try {
            return new Parsed(MessageJson.parse(body), 0);
        } catch (InvalidMessageException e) {
            return new Parsed(null, badMessage(ex, body, e));
        }
    }

    private int evaluate(HttpExchange ex) throws IOException {
        Parsed parsed = parse(ex);
        if (parsed.message() == null) {
            return parsed.status();
        }
        return respond(ex, 200, JSON, DecisionJson.toJson(engine.evaluate(parsed.message())).getBytes(StandardCharsets.UTF_8));
    }

    private int send(HttpExchange ex) throws IOException {
        Parsed parsed = parse(ex);
        if (parsed.message() == null) {
            return parsed.status();
        }
        ProposedMessage message = parsed.message();
        Decision decision = engine.evaluate(message);
        ObjectNode out = (ObjectNode) MAPPER.readTree(DecisionJson.toJson(decision));
        if (decision.outcome() != Outcome.ALLOW && decision.outcome() != Outcome.WARN) {
            LOG.info("message {} not sent to {}: {}", message.id(), message.channel(), decision.outcome());
            return json(ex, 409, out);
        }
        Outbox.Sent sent = new Outbox.Sent(message, decision.obligations());
        outbox.add(sent);
        LOG.info("message {} sent to {}{}", message.id(), message.channel(), sent.deferred() ? " (deferred)" : "");
        out.set("sent", sent.toJson());
        return json(ex, 200, out);
    }

    private int messages(HttpExchange ex) throws IOException {
        String wanted = query(ex.getRequestURI().getRawQuery(), "channel");
        if (wanted == null || wanted.isBlank()) {
            return error(ex, 400, "channel: missing");
        }
        Channel channel;
        try {
            channel = Channel.valueOf(wanted.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error(ex, 400, "channel: unknown value (expected one of " + Arrays.toString(Channel.values()) + ")");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("channel", channel.name());
        var list = out.putArray("messages");
        outbox.list(channel).forEach(s -> list.add(s.toJson()));
        return json(ex, 200, out);
    }

    /**
     * What the page is told about the school. The page keeps its clock in the school's timezone (not
     * the browser's) and shows whether that time is within working hours; the server still decides.
     */
    static ObjectNode config(SchoolProfile profile) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("school", profile.school());
        out.put("timezone", profile.timezone().getId());
        SchoolProfile.WorkingHours hours = profile.workingHours();
        ObjectNode hoursJson = out.putObject("workingHours");
        var days = hoursJson.putArray("days");
        hours.days().stream().sorted().forEach(d -> days.add(d.name()));
        hoursJson.put("start", hours.start().toString());
        hoursJson.put("end", hours.end().toString());
        var closed = out.putArray("closedDates");
        profile.closedDates().forEach(r -> closed.addObject().put("from", r.from().toString()).put("to", r.to().toString()));
        var classes = out.putArray("classes");
        for (SchoolProfile.SchoolClass c : profile.classes()) {
            ObjectNode cj = classes.addObject().put("id", c.id()).put("name", c.name());
            var teachers = cj.putArray("teachers");
            c.teachers().forEach(teachers::add);
        }
        return out;
    }

    private int badMessage(HttpExchange ex, String body, InvalidMessageException e) throws IOException {
        // The exception names the field and never quotes its value, so it is safe to echo and log.
        LOG.info("bad message {}: {}", MessageJson.idOf(body), e.getMessage());
        return respond(ex, 400, JSON, DecisionJson.error(1, MessageJson.idOf(body), e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 when the request is a JSON POST, else the error status already sent. */
    private static int refuseUnlessJsonPost(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "POST");
            return error(ex, 405, "use POST");
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return error(ex, 415, "send the message as Content-Type: application/json");
        }
        return 0;
    }

    /** 0 when the request is a GET (or HEAD), else the error status already sent. */
    private static int refuseUnlessGet(HttpExchange ex) throws IOException {
        String m = ex.getRequestMethod();
        if (!"GET".equals(m) && !"HEAD".equals(m)) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            return error(ex, 405, "use GET");
        }
        return 0;
    }

    /** The body as UTF-8, or null after answering 413 when it is too large. */
    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                error(ex, 413, "request body is larger than " + MAX_BODY_BYTES + " bytes");
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String query(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static int asset(HttpExchange ex, Asset asset) throws IOException {
        byte[] content;
        try (InputStream in = PolicyWebApp.class.getResourceAsStream(asset.resource())) {
            if (in == null) {
                return error(ex, 500, "page asset " + asset.resource() + " is missing from the class path");
            }
            content = in.readAllBytes();
        }
        // Scripts come only from this server: no inline script, so typed text can never run.
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        return respond(ex, 200, asset.contentType(), content);
    }

    private static int error(HttpExchange ex, int status, String message) throws IOException {
        return json(ex, status, JsonNodeFactory.instance.objectNode().put("error", message));
    }

    private static int json(HttpExchange ex, int status, ObjectNode node) throws IOException {
        return respond(ex, status, JSON, bytes(node));
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serializes
        }
    }

    private static int respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            ex.getResponseBody().write(body);
        }
        return status;
    }
}
