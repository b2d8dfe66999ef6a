package dev.hallpass.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hallpass.Clause;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.json.MessageJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server behind {@code policy serve} (contract §7.3), on the JDK's {@link HttpServer}.
 * Every answer is {@code application/json; charset=utf-8}.
 *
 * <ul>
 *   <li>{@code POST /v1/evaluate}: one message (§2) → 200 with its decision (§3), written by
 *       {@link DecisionJson} exactly as {@code evaluate} writes it; a bad message → 400 {@code
 *       {"id", "error"}} and no outcome. A JSON array of messages → 200 with an array of answers in
 *       the same order: a decision, or for an element that is not a valid message the §4 error
 *       {@code {"line", "id", "error"}}, where {@code line} is the element's 1-based position.
 *   <li>{@code POST /v1/explain}: the same, answered as {@code explain} answers.
 *   <li>{@code GET /health}: 200 {@code {"status":"ok"}}; 503 {@code {"status":"stopping"}} once
 *       shutting down. The engine is built before the server listens, so it is ready whenever it
 *       answers.
 *   <li>{@code GET /v1/policy}: {@code {"policyDigest", "clauses": [{"clause", "title", "status",
 *       "text"}]}}, the clause catalogue in document order.
 * </ul>
 *
 * Messages are read by {@link MessageJson}, as the command line reads them, so ambiguous input fails
 * closed in the same way (§7.1). POST bodies must be {@code application/json} (415 otherwise, so
 * that a web page cannot post a plain form to the sidecar). A body over the limit is answered 413
 * without being read past the limit. Other answers: 404 for an unknown path, 405 (with {@code
 * Allow}) for a wrong method. Message text is never logged. Thread-safe: one engine is shared by
 * every worker.
 */
final class PolicyServer implements AutoCloseable {
    static final String JSON = "application/json; charset=utf-8";
    /** Connections waiting to be accepted: more than the default 50, for bursts of clients. */
    private static final int BACKLOG = 256;
    private static final Logger LOG = LoggerFactory.getLogger(PolicyServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String ENDPOINTS = "POST /v1/evaluate, POST /v1/explain, GET /health, GET /v1/policy";

    private final PolicyEngine engine;
    private final HttpServer server;
    private final ExecutorService workers;
    private final int maxBodyBytes;
    private final String policy;
    /** Exchanges handed to the workers and not yet finished, queued ones included. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    private PolicyServer(PolicyEngine engine, HttpServer server, ExecutorService workers, int maxBodyBytes) {
        this.engine = engine;
        this.server = server;
        this.workers = workers;
        this.maxBodyBytes = maxBodyBytes;
        this.policy = policy(engine);
    }

    /**
     * Starts a server.
     *
     * @param address where to listen; port 0 for any free port (see {@link #address()})
     * @param threads how many requests are handled at once
     * @param maxBodyBytes the largest request body accepted, at most {@code Integer.MAX_VALUE - 1}
     * @throws IOException if the address cannot be bound
     */
    static PolicyServer start(PolicyEngine engine, InetSocketAddress address, int threads, int maxBodyBytes) throws IOException {
        HttpServer http = HttpServer.create(address, BACKLOG);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "policy-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        PolicyServer s = new PolicyServer(engine, http, workers, maxBodyBytes);
        http.createContext("/", s::handle);
        http.setExecutor(s::execute);
        http.start();
        return s;
    }

    /** The address the server listens on. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:PORT} (an IPv6 address in brackets). */
    URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    /**
     * Stops gracefully: stops accepting connections at once, answers {@code /health} with 503 and
     * asks clients to close their connections, lets the requests in flight finish (at most {@code
     * graceSeconds}), then closes every connection. Returns when stopped.
     */
    void shutdown(int graceSeconds) {
        stopping = true;
        // HttpServer.stop(n) returns as soon as the last exchange in flight finishes; with none it
        // would wait all n seconds (on Java 17), so then stop at once.
        server.stop(inFlight.get() == 0 ? 0 : graceSeconds);
        workers.shutdownNow();
    }

    /** Stops at once; requests in flight are cut off. */
    @Override
    public void close() {
        shutdown(0);
    }

    private void execute(Runnable exchange) {
        inFlight.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    exchange.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    private void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        int status = 0;
        try {
            Headers headers = ex.getResponseHeaders();
            headers.set("Content-Type", JSON);
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            status = route(ex, path);
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away ({})", method, path, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // The exception's message could quote the request: log only its type.
            LOG.error("{} {} failed: {}", method, path, e.getClass().getName());
            try {
                status = respond(ex, 500, error("internal error"));
            } catch (IOException | RuntimeException headersAlreadySent) {
                // Part way through an array: its closing bracket is never written, so no client
                // can read the answers as complete.
                status = 500;
            }
        } finally {
            ex.close();
        }
        LOG.debug("{} {} -> {}", method, path, status);
    }

    private int route(HttpExchange ex, String path) throws IOException {
        return switch (path) {
            case "/v1/evaluate" -> allowed(ex, "POST") ? post(ex, false) : 405;
            case "/v1/explain" -> allowed(ex, "POST") ? post(ex, true) : 405;
            case "/health" -> allowed(ex, "GET") ? health(ex) : 405;
            case "/v1/policy" -> allowed(ex, "GET") ? respond(ex, 200, policy) : 405;
            default -> respond(ex, 404, error("not found; the endpoints are " + ENDPOINTS));
        };
    }

    /** True when the request uses {@code method}; otherwise answers 405 with {@code Allow}. */
    private boolean allowed(HttpExchange ex, String method) throws IOException {
        if (ex.getRequestMethod().equals(method)) {
            return true;
        }
        ex.getResponseHeaders().set("Allow", method);
        respond(ex, 405, error("use " + method));
        return false;
    }

    private int health(HttpExchange ex) throws IOException {
        return stopping
                ? respond(ex, 503, MAPPER.createObjectNode().put("status", "stopping").toString())
                : respond(ex, 200, MAPPER.createObjectNode().put("status", "ok").toString());
    }

    private int post(HttpExchange ex, boolean explain) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return respond(ex, 415, error("send messages as Content-Type: application/json"));
        }
        byte[] bytes = body(ex);
        if (bytes == null) {
            return 413;
        }
        String body = utf8(bytes);
        if (body == null) {
            return respond(ex, 400, badMessage(null, "(body): not valid UTF-8"));
        }
        if (!body.stripLeading().startsWith("[")) {
            return one(ex, body, explain);
        }
        List<String> elements;
        try {
            elements = elements(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return respond(ex, 400, badMessage(null, "(body): not a valid JSON array" + where));
        }
        sendHeaders(ex, 200, 0); // chunked: each answer is written as it is decided
        Writer out = new BufferedWriter(new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8), 1 << 16);
        out.write('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(element(elements.get(i), i + 1, explain));
        }
        out.write(']');
        out.flush();
        return 200;
    }

    /** One message: 200 with its answer, or 400 with {@code {"id", "error"}}. */
    private int one(HttpExchange ex, String body, boolean explain) throws IOException {
        ProposedMessage message;
        try {
            message = MessageJson.parse(body);
        } catch (InvalidMessageException e) {
            // The body as a whole is the "(line)" the command line would name.
            String error = e.field().equals("(line)") ? "(body): " + e.problem() : e.getMessage();
            return respond(ex, 400, badMessage(MessageJson.idOf(body), error));
        }
        try {
            return respond(ex, 200, answer(message, explain));
        } catch (InvalidMessageException e) {
            return respond(ex, 400, badMessage(message.id(), e.getMessage()));
        }
    }

    /** The answer for the element at {@code position} (1-based): a decision or a §4 error. */
    private String element(String json, int position, boolean explain) {
        if (json == null) {
            return DecisionJson.error(position, null, "(line): not a JSON object");
        }
        String id = null;
        try {
            ProposedMessage message = MessageJson.parse(json);
            id = message.id();
            return answer(message, explain);
        } catch (InvalidMessageException e) {
            String known = id != null ? id : MessageJson.idOf(json);
            LOG.info("bad message {} (element {}): {}", known, position, e.getMessage());
            return DecisionJson.error(position, known, e.getMessage());
        }
    }

    private String answer(ProposedMessage message, boolean explain) {
        return explain ? DecisionJson.toJson(engine.explain(message)) : DecisionJson.toJson(engine.evaluate(message));
    }

    /**
     * The elements of a JSON array, each as its own text (null for an element that is not an
     * object), so that each is read by {@link MessageJson} exactly as a line of input would be.
     *
     * @throws JsonProcessingException if the text is not one JSON array
     */
    static List<String> elements(String body) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonParseException(p, "not an array");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new JsonParseException(p, "unexpected end of input");
                }
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int end = (int) p.currentTokenLocation().getCharOffset() + 1; // past the closing brace
                out.add(t == JsonToken.START_OBJECT ? body.substring(start, end) : null);
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "content after the array");
            }
        }
        return out;
    }

    /**
     * The body, or null after answering 413 when it is over the limit; never reads more than the
     * limit and one byte.
     */
    private byte[] body(HttpExchange ex) throws IOException {
        byte[] bytes = null;
        if (declaredLength(ex) <= maxBodyBytes) {
            bytes = ex.getRequestBody().readNBytes(maxBodyBytes + 1);
        }
        if (bytes == null || bytes.length > maxBodyBytes) {
            ex.getResponseHeaders().set("Connection", "close"); // the rest of the body is never read
            respond(ex, 413, error("body: too large (limit " + maxBodyBytes + " bytes)"));
            return null;
        }
        return bytes;
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The request's Content-Length, or -1 when it has none (a chunked body). */
    private static long declaredLength(HttpExchange ex) {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1; // the server itself refuses such a request before it gets here
        }
    }

    private static String policy(PolicyEngine engine) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("policyDigest", engine.policyDigest());
        ArrayNode clauses = out.putArray("clauses");
        for (Clause c : engine.clauses()) {
            clauses.addObject()
                    .put("clause", c.id())
                    .put("title", c.title())
                    .put("status", c.enforced() ? "enforced" : "informational")
                    .put("text", c.text());
        }
        return out.toString();
    }

    private static String error(String message) {
        return MAPPER.createObjectNode().put("error", message).toString();
    }

    /** {@code {"id", "error"}}; the error names the field and never quotes its value. */
    private static String badMessage(String id, String error) {
        LOG.info("bad message {}: {}", id, error);
        return MAPPER.createObjectNode().put("id", id).put("error", error).toString();
    }

    private int respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        sendHeaders(ex, status, body.length);
        ex.getResponseBody().write(body);
        return status;
    }

    /** Sends the status line and headers; once stopping, asks the client to close the connection. */
    private void sendHeaders(HttpExchange ex, int status, long length) throws IOException {
        if (stopping) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        ex.sendResponseHeaders(status, length);
    }
}
