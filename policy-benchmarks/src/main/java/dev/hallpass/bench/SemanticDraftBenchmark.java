package dev.hallpass.bench;

import dev.hallpass.Decision;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The semantic tier's window cache (issue 17) on drafts: {@code recheck} is the typical message checked
 * again unchanged (the web demo checks a draft while typing and again on send: every window from the
 * cache); {@code typing} is a two-window letter (Inputs.PARAGRAPH and a sentence being typed) whose last
 * sentence changes on every check, so its first window comes from the cache and its last is a model run.
 * Each is run with the cache on ({@code cacheBytes} default) and off ({@code 0}) in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SemanticDraftBenchmark {
    /** The cache's budget in bytes: the default, or 0 (off). */
    @Param({"8388608", "0"})
    public String cacheBytes;

    private PolicyEngine semantic;
    private int keystroke;

    /** Sets the cache's budget (read when the tier loads, once per fork) and builds the engine. */
    @Setup
    public void setUp() {
        System.setProperty("hallpass.semantic.cacheBytes", cacheBytes);
        semantic = PolicyEngine.builder().build();
    }

    /** The typical message checked again, unchanged. */
    @Benchmark
    public Decision recheck() {
        return semantic.evaluate(Inputs.TYPICAL);
    }

    /** A two-window draft whose last sentence is being typed: a new text on every check. */
    @Benchmark
    public Decision typing() {
        int k = keystroke++;
        String text = Inputs.PARAGRAPH + "See you at pick-up, we will bring " + (k % 100_000) + " cakes";
        return semantic.evaluate(new ProposedMessage("d", Inputs.TYPICAL.channel(), Inputs.TYPICAL.sender(), "oak", text,
                java.util.List.of(), Inputs.WORKING_HOURS));
    }
}
