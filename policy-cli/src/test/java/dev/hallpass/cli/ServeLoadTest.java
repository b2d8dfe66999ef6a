package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A load test on 127.0.0.1, bounded in time: 50 clients, each sending the sample messages one
 * after another over HTTP/1.1 keep-alive. It asserts that nothing is lost or wrong (no errors,
 * every request answered, every answer the decision for its own request) and prints requests per
 * second and latency; speed is reported, never asserted.
 *
 * <p>{@code -Dhallpass.serve.load.seconds=N} (default 10, after 2 s of warm-up), {@code
 * -Dhallpass.serve.load.clients=N} (default 50), {@code -Dhallpass.serve.load.semantic=true} for
 * the semantic tier (default: the word lists alone). Client and server share the JVM and the
 * machine's cores, so the figures are a floor for the server alone.
 */
final class ServeLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fifty_clients_for_ten_seconds_get_every_answer_with_no_errors() throws Exception {
        int seconds = Integer.getInteger("hallpass.serve.load.seconds", 10);
        int clients = Integer.getInteger("hallpass.serve.load.clients", 50);
        boolean semantic = Boolean.getBoolean("hallpass.serve.load.semantic");
        List<String> args = new ArrayList<>(List.of("--port", "0", "--no-decision-log"));
        if (!semantic) {
            args.add("--no-semantic");
        }
        PolicyServer server = ServeTest.serve(args.toArray(String[]::new)).server();
        List<ObjectNode> samples = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "examples", "messages.jsonl"))) {
            if (!line.isBlank()) {
                samples.add((ObjectNode) JSON.readTree(line));
            }
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long ends = warmUpEnds + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                try {
                    for (int i = 0; System.nanoTime() < ends; i++) {
                        String id = "load-" + client + "-" + i;
                        String body = samples.get(i % samples.size()).deepCopy().put("id", id).toString();
                        long start = System.nanoTime();
                        boolean measured = start >= warmUpEnds;
                        if (measured) {
                            sent.incrementAndGet();
                        }
                        HttpResponse<String> r = null;
                        String problem;
                        try {
                            r = ServeTest.post(server, "/v1/evaluate", BodyPublishers.ofString(body));
                            problem = check(r, id);
                        } catch (IOException e) {
                            problem = id + ": " + e;
                        }
                        long took = System.nanoTime() - start;
                        if (!measured) {
                            continue;
                        }
                        if (r != null) {
                            received.incrementAndGet();
                        }
                        if (problem != null) {
                            errors.add(problem);
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (InterruptedException e) {
                    errors.add("client " + client + " interrupted");
                } finally {
                    latencies[client] = mine;
                    counts[client] = n;
                    done.countDown();
                }
            }, "load-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        try {
            assertThat(done.await(seconds + 60L, TimeUnit.SECONDS)).as("every client finished").isTrue();
        } finally {
            server.close();
        }
        double elapsed = (System.nanoTime() - warmUpEnds) / 1e9;

        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("serve load test (%s, %d clients, %.1f s on 127.0.0.1, %d processors): %d requests, %.0f requests/s, "
                        + "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d errors%n",
                semantic ? "semantic tier" : "word lists alone", clients, elapsed, Runtime.getRuntime().availableProcessors(),
                all.length, all.length / elapsed, millis(all, 0.50), millis(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.size());
        assertThat(errors).as("errors (first of them)").isEmpty();
        assertThat(received.get()).as("answers received").isEqualTo(sent.get()).isEqualTo(all.length).isPositive();
    }

    /** Null when {@code r} is a 200 decision for the message {@code id}; else what is wrong with it. */
    private static String check(HttpResponse<String> r, String id) {
        if (r.statusCode() != 200) {
            return id + ": HTTP " + r.statusCode() + " " + r.body();
        }
        JsonNode d;
        try {
            d = JSON.readTree(r.body());
        } catch (IOException e) {
            return id + ": not JSON: " + r.body();
        }
        if (!id.equals(d.path("id").asText()) || !d.has("outcome")) {
            return id + ": answered with " + r.body();
        }
        return null;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
