package dev.hallpass.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code policy serve} under load (issue 17: requests per second and p99 at 50 concurrent clients on
 * 127.0.0.1, both tiers). The server is a separate process, {@code java -jar policy-cli.jar serve}
 * with the launcher's server options ({@code -XX:-UsePerfData}, default JIT and collector), its
 * default worker count (the number of processors) and no decision log; the clients are 50 JMH
 * threads in the benchmark's own JVM, each posting the typical message to {@code POST /v1/evaluate}
 * over one shared HTTP/1.1 client (kept-alive connections) and waiting for the 200 before the next.
 * Both processes share the machine's cores. The score is the time per request (sample mode: p50,
 * p99); with every client always waiting on one request, requests per second = 50 / average.
 *
 * <p>Run from the repository root (as {@code run-quick.sh} does), or set {@code -Dhallpass.root}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(ServeBenchmark.CLIENTS)
public class ServeBenchmark {
    /** Concurrent clients. */
    public static final int CLIENTS = 50;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    /** {@code lexical}: {@code --no-semantic}; {@code semantic}: the default, the model beside the word lists. */
    @Param({"lexical", "semantic"})
    public String tier;

    private Process server;
    private Path cache;
    private HttpClient client;
    private HttpRequest request;

    /** Starts the server and waits until it says where it listens. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("hallpass.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("policy-cli/target/policy-cli.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: build the CLI first (./policy --help)");
        }
        cache = Files.createTempDirectory("hallpass-serve-bench");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-jar", jar.toString(), "serve", "--port", "0", "--no-decision-log",
                "--rules-cache", cache.toString()));
        if (tier.equals("lexical")) {
            command.add("--no-semantic");
        } else if (!tier.equals("semantic")) {
            throw new IllegalArgumentException("tier: " + tier);
        }
        server = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        String uri = null;
        StringBuilder said = new StringBuilder();
        for (String l = err.readLine(); l != null; l = err.readLine()) {
            said.append(l).append('\n');
            Matcher m = LISTENING.matcher(l);
            if (m.find()) {
                uri = m.group(1);
                break;
            }
        }
        if (uri == null) {
            server.destroy();
            throw new IllegalStateException("the server did not start: " + said);
        }
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the server has gone; the requests will say so
            }
        }, "serve-bench-stderr");
        drain.setDaemon(true);
        drain.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        request = HttpRequest.newBuilder(URI.create(uri).resolve("/v1/evaluate"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Inputs.typicalJson()))
                .build();
        evaluate(); // fails the trial now if the server does not answer
    }

    /** Stops the server (SIGTERM: it answers what is in flight, then exits) and removes its cache. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException, IOException {
        server.destroy();
        if (!server.waitFor(15, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
        try (var all = Files.walk(cache)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One request, sent and answered; fails unless it is a 200 with an outcome. */
    @Benchmark
    public String evaluate() throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"outcome\"")) {
            throw new IllegalStateException("serve answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
