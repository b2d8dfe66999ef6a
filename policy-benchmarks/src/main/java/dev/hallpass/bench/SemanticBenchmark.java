package dev.hallpass.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hallpass.Decision;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Sender;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The semantic tier's cost (issue 14): a full {@code evaluate} with the tier on, beside a bare ONNX
 * Runtime inference of the same model file on the same tokens (its own session, the same options: one
 * intra-op thread, all graph optimisations), in the same run. Target: evaluate at most 1.3 times the bare
 * inference. Also the lexical engine on the same message, and a 1 MB message with the tier (target: at
 * most 200 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SemanticBenchmark {
    /** Which message: one everyday sentence, or a typical three-sentence note. */
    @Param({"sentence", "note"})
    public String text;

    private PolicyEngine semantic;
    private PolicyEngine lexical;
    private ProposedMessage message;
    private ProposedMessage megabyte;
    private OrtEnvironment env;
    private OrtSession session;
    private long[] ids;

    /** Builds both engines, the baseline's session and the tokens once. */
    @Setup(Level.Trial)
    public void setUp() throws OrtException, IOException {
        String t = switch (text) {
            case "sentence" -> "I'm on a late shift so her grandad will be at the gate for her tonight";
            case "note" -> "Morning Miss! Just to say Poppy's nan is collecting her today because I'm stuck at work. "
                    + "She's also got her reading book in her bag. Thanks so much for everything this week!";
            default -> throw new IllegalArgumentException(text);
        };
        semantic = PolicyEngine.builder().build();
        lexical = PolicyEngine.builder().semanticTier(false).build();
        message = new ProposedMessage("b", Channel.PRIVATE_CHAT, new Sender("p-1", Role.PARENT), "oak", t, List.of(), Inputs.WORKING_HOURS);
        String unit = "We had a lovely weekend at the beach and she can't wait to tell you about it. ";
        String mb = unit.repeat(1_000_000 / unit.length());
        megabyte = new ProposedMessage("mb", Channel.CLASS_CHAT, new Sender("p-1", Role.PARENT), "oak", mb, List.of(), Inputs.WORKING_HOURS);
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        o.setInterOpNumThreads(1);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(resource("bge-small-en-v1.5-q.onnx"), o);
        try (InputStream tok = getClass().getClassLoader().getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json");
             HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("addSpecialTokens", "true"))) {
            ids = tokenizer.encode(t).getIds();
        }
    }

    /** Closes the baseline's session. */
    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        session.close();
    }

    /** The whole decision with the semantic tier on. */
    @Benchmark
    public Decision evaluateWithTier() {
        return semantic.evaluate(message);
    }

    /** The whole decision on the word lists alone. */
    @Benchmark
    public Decision evaluateLexical() {
        return lexical.evaluate(message);
    }

    /** The model alone: one run of the same file on the same tokens, nothing else. */
    @Benchmark
    public float[][][] bareInference() throws OrtException {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1L);
        try (OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor y = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", y))) {
            return (float[][][]) r.get(0).getValue();
        }
    }

    /** A megabyte of text with the tier on: the model reads at most four windows, the word lists the rest. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Decision oneMegabyteWithTier() {
        return semantic.evaluate(megabyte);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SemanticBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(name + " is not on the class path"));
            }
            return in.readAllBytes();
        }
    }
}
