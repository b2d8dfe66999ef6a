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
 * Cost against text length (issue 7: 1 MB at most 50 ms, and linear): {@link Inputs#PARAGRAPH}, a
 * parent's realistic sentences with a roster name, an absence and a phone number in every kilobyte,
 * repeated to 100 B, 10 KB and 1 MB (decimal: 1 MB is the engine's default limit of 1,000,000
 * characters), so the findings grow with the text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextLengthBenchmark {
    /** Text length in bytes (ASCII, so characters). */
    @Param({"100", "10000", "1000000"})
    public int bytes;

    private PolicyEngine engine;
    private ProposedMessage message;

    /** Builds the default engine and the message of {@link #bytes} once per fork. */
    @Setup
    public void setUp() {
        engine = PolicyEngine.builder().semanticTier(false).build();
        message = Inputs.ofLength(bytes);
    }

    /** One evaluation of the message. */
    @Benchmark
    public Decision evaluate() {
        return engine.evaluate(message);
    }
}
