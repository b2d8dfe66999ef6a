package dev.hallpass.bench;

import ai.onnxruntime.OrtException;
import dev.hallpass.Decision;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Sender;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import dev.hallpass.semantic.BareModel;
import java.util.ArrayList;
import java.util.List;
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
 * The semantic tier's cost (issues 14 and 17): a full {@code evaluate} with the tier on, beside a bare ONNX
 * Runtime inference on the same tokens in the same run: the tier's own session (the same model file and
 * options), run on exactly the windows the tier runs for the message, with its input tensors made once, so
 * nothing of Hallpass is around it. Target (issue 17): evaluate at most 1.3 times the bare inference. Also
 * the lexical engine on the same messages.
 *
 * <p>{@code typical} is {@link Inputs#TYPICAL}; {@code varied} is every message of {@link Inputs#VARIED}
 * in turn, one operation each ({@code varied} scores are per message, averaged over the eight);
 * {@code sentence} and {@code note} are issue 14's two messages. Each message is a fresh text for the
 * tier: the tier's window cache is off here (see {@link SemanticDraftBenchmark} for it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dhallpass.semantic.cacheBytes=0") // every evaluation a model run, as for a new message
public class SemanticBenchmark {
    /** Which messages. */
    @Param({"typical", "varied", "sentence", "note"})
    public String text;

    private PolicyEngine semantic;
    private PolicyEngine lexical;
    private ProposedMessage[] messages;
    private BareModel.Prepared[][] windows;
    private BareModel.Prepared[][] everyRun;
    private int next;

    /** Builds both engines, and the bare baseline's inputs once. */
    @Setup(Level.Trial)
    public void setUp() throws OrtException {
        List<ProposedMessage> m = switch (text) {
            case "typical" -> List.of(Inputs.TYPICAL);
            case "varied" -> Inputs.VARIED;
            case "sentence" -> List.of(message("I'm on a late shift so her grandad will be at the gate for her tonight"));
            case "note" -> List.of(message("Morning Miss! Just to say Poppy's nan is collecting her today because I'm stuck at work. "
                    + "She's also got her reading book in her bag. Thanks so much for everything this week!"));
            default -> throw new IllegalArgumentException(text);
        };
        semantic = PolicyEngine.builder().build();
        lexical = PolicyEngine.builder().semanticTier(false).build();
        semantic.evaluate(m.get(0)); // loads the shared tier
        messages = m.toArray(ProposedMessage[]::new);
        BareModel bare = BareModel.ofSharedTier();
        windows = new BareModel.Prepared[messages.length][];
        for (int i = 0; i < messages.length; i++) {
            List<BareModel.Prepared> w = new ArrayList<>();
            for (long[] ids : BareModel.windows(messages[i].text())) {
                w.add(bare.prepare(ids));
            }
            windows[i] = w.toArray(BareModel.Prepared[]::new);
        }
        everyRun = new BareModel.Prepared[messages.length][];
        for (int i = 0; i < messages.length; i++) {
            List<BareModel.Prepared> w = new ArrayList<>();
            for (String t : textsTheTierReads(messages[i])) {
                for (long[] ids : BareModel.windows(t)) {
                    w.add(bare.prepare(ids));
                }
            }
            everyRun[i] = w.toArray(BareModel.Prepared[]::new);
        }
    }

    /**
     * Every text an evaluation of {@code m} hands the tier: its own, and the checked rewrite's when the
     * engine checks one (contract §7.2: a rewrite is offered only once evaluated and allowed).
     */
    private static List<String> textsTheTierReads(ProposedMessage m) {
        dev.hallpass.MeaningDetector real = dev.hallpass.semantic.SemanticDetector.shared();
        List<String> texts = new ArrayList<>();
        dev.hallpass.MeaningDetector recording = (dev.hallpass.MeaningDetector) java.lang.reflect.Proxy.newProxyInstance(
                SemanticBenchmark.class.getClassLoader(), new Class<?>[] {dev.hallpass.MeaningDetector.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findings")) {
                        texts.add((String) args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PolicyEngine.builder().meaningDetector(recording).build().evaluate(m);
        return texts;
    }

    private static ProposedMessage message(String t) {
        return new ProposedMessage("b", Channel.PRIVATE_CHAT, new Sender("p-1", Role.PARENT), "oak", t, List.of(), Inputs.WORKING_HOURS);
    }

    /** Frees the baseline's tensors. */
    @TearDown(Level.Trial)
    public void tearDown() {
        for (BareModel.Prepared[][] all : List.of(windows, everyRun)) {
            for (BareModel.Prepared[] w : all) {
                for (BareModel.Prepared p : w) {
                    p.close();
                }
            }
        }
    }

    private int advance() {
        int i = next;
        next = i + 1 == messages.length ? 0 : i + 1;
        return i;
    }

    /** The whole decision with the semantic tier on. */
    @Benchmark
    public Decision evaluateWithTier() {
        return semantic.evaluate(messages[advance()]);
    }

    /** The whole decision on the word lists alone. */
    @Benchmark
    public Decision evaluateLexical() {
        return lexical.evaluate(messages[advance()]);
    }

    /** The model alone: the tier's session on the windows the tier runs for the message, nothing else. */
    @Benchmark
    public float bareInference() throws OrtException {
        float sum = 0;
        for (BareModel.Prepared w : windows[advance()]) {
            sum += w.run();
        }
        return sum;
    }

    /**
     * The model alone on every window an evaluation runs: the message's and, when the engine checks a
     * rewrite (the typical message: names and a phone number in class chat), the rewrite's too.
     */
    @Benchmark
    public float bareInferenceEveryRun() throws OrtException {
        float sum = 0;
        for (BareModel.Prepared w : everyRun[advance()]) {
            sum += w.run();
        }
        return sum;
    }
}
