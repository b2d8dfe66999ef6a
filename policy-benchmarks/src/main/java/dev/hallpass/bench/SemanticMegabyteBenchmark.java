package dev.hallpass.bench;

import dev.hallpass.Decision;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Sender;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A megabyte of text with the semantic tier on (issue 14's bound, kept by issue 17: at most 200 ms): the
 * model reads at most four windows, the word lists the rest. The window cache is off, so every
 * evaluation runs the model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dhallpass.semantic.cacheBytes=0")
public class SemanticMegabyteBenchmark {
    private PolicyEngine semantic;
    private ProposedMessage megabyte;

    /** Builds the engine and the message once. */
    @Setup
    public void setUp() {
        semantic = PolicyEngine.builder().build();
        String unit = "We had a lovely weekend at the beach and she can't wait to tell you about it. ";
        megabyte = new ProposedMessage("mb", Channel.CLASS_CHAT, new Sender("p-1", Role.PARENT), "oak",
                unit.repeat(1_000_000 / unit.length()), List.of(), Inputs.WORKING_HOURS);
    }

    /** A megabyte with the tier on. */
    @Benchmark
    public Decision oneMegabyteWithTier() {
        return semantic.evaluate(megabyte);
    }
}
