package dev.hallpass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.Attachment;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.bench.Inputs;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CLI's cost per message in a long run (issue 17: a 50,000-line run within 4 times a bare
 * Jackson read-and-write of the same lines, word lists alone). {@code evaluate}: the same code path
 * as {@code policy evaluate --no-semantic} after start-up, in process: the engine built as the
 * command builds it ({@link PolicyCli.EngineOptions}, built-in profile), {@link JsonLinesEvaluator}
 * reading the lines with {@link LineReader} and printing one decision per line to a {@link
 * PrintWriter} over {@link StdoutStream}, as {@code main} sets up stdout, on the default threads
 * (the number of processors, at most 4); {@code evaluateOneThread}: the same on one thread ({@code
 * --threads 1}). {@code jackson}: the
 * baseline, each line read into a Jackson tree and written back as one JSON line to the same kind
 * of writer. Both write to a null stream (no system calls), and the score of both is per line. {@code
 * engineAlone}: the engine on the same messages already parsed, for what the CLI adds around it.
 *
 * <p>In the package of the CLI (on the class path) so that the CLI keeps no public surface for it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CliLinesBenchmark {
    /** Lines per run. */
    public static final int LINES = 50_000;

    private final ObjectMapper json = new ObjectMapper();
    private byte[] input;
    private JsonLinesEvaluator evaluator;
    private JsonLinesEvaluator oneThread;
    private PolicyEngine engine;
    private ProposedMessage[] messages;
    private Path cache;

    /** Writes the 50,000 lines (the varied typical messages in turn, each with its own id) and builds the engine. */
    @Setup
    public void setUp() throws IOException {
        List<ProposedMessage> varied = Inputs.VARIED;
        StringBuilder lines = new StringBuilder(LINES * 300);
        for (int i = 0; i < LINES; i++) {
            lines.append(line(varied.get(i % varied.size()), "m-" + i)).append('\n');
        }
        input = lines.toString().getBytes(StandardCharsets.UTF_8);
        messages = new ProposedMessage[LINES];
        for (int i = 0; i < LINES; i++) {
            ProposedMessage m = varied.get(i % varied.size());
            messages[i] = new ProposedMessage("m-" + i, m.channel(), m.sender(), m.classId(), m.text(), m.attachments(), m.sentAt());
        }
        cache = Files.createTempDirectory("hallpass-cli-lines");
        PolicyCli.EngineOptions options = new PolicyCli.EngineOptions();
        options.semantic = false;
        options.rulesCache = cache;
        engine = options.buildEngine();
        evaluator = new JsonLinesEvaluator(engine, false, LineReader.DEFAULT_MAX_LINE_BYTES, JsonLinesEvaluator.DEFAULT_THREADS);
        oneThread = new JsonLinesEvaluator(engine, false, LineReader.DEFAULT_MAX_LINE_BYTES, 1);
        int[] counted = new int[1];
        PrintWriter check = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    counted[0]++;
                }
            }
        }, false, StandardCharsets.UTF_8);
        if (!evaluator.run(new ByteArrayInputStream(input), check, null) || counted[0] != LINES) {
            throw new IllegalStateException("the CLI did not answer every line with a decision (" + counted[0] + " answers)");
        }
    }

    private String line(ProposedMessage m, String id) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.put("id", id);
        o.put("channel", m.channel().name());
        o.putObject("sender").put("id", m.sender().id()).put("role", m.sender().role().name());
        o.put("classId", m.classId());
        o.put("text", m.text());
        var attachments = o.putArray("attachments");
        for (Attachment a : m.attachments()) {
            attachments.addObject().put("type", a.type().name()).put("name", a.name());
        }
        o.put("sentAt", m.sentAt().toString());
        return json.writeValueAsString(o);
    }

    private static PrintWriter stdout() {
        return new PrintWriter(new StdoutStream(OutputStream.nullOutputStream()), false, StandardCharsets.UTF_8);
    }

    /** {@code policy evaluate --no-semantic} over the 50,000 lines, on the default threads ({@code --threads}); per line. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public boolean evaluate() throws IOException {
        return runAll(evaluator);
    }

    /** {@code policy evaluate --no-semantic --threads 1} over the 50,000 lines; per line. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public boolean evaluateOneThread() throws IOException {
        return runAll(oneThread);
    }

    /** Every line through {@code e}, its answers written to nowhere. */
    private boolean runAll(JsonLinesEvaluator e) throws IOException {
        PrintWriter out = stdout();
        boolean ok = e.run(new ByteArrayInputStream(input), out, null);
        out.flush();
        return ok;
    }

    /**
     * The engine alone on the same 50,000 messages, already parsed, nothing written: what the CLI adds is
     * {@code evaluate} minus this; per message.
     */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public int engineAlone() {
        int allowed = 0;
        for (ProposedMessage m : messages) {
            allowed += engine.evaluate(m).outcome().ordinal();
        }
        return allowed;
    }

    /** The baseline: each line read into a Jackson tree and written back as a JSON line; per line. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public long jackson() throws IOException {
        PrintWriter out = stdout();
        long n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                JsonNode tree = json.readTree(l);
                out.println(json.writeValueAsString(tree));
                n++;
            }
        }
        out.flush();
        return n;
    }
}
