package dev.hallpass.bench;

import dev.hallpass.Decision;
import dev.hallpass.PolicyEngine;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scaling: the typical message on one shared engine from one thread and from two (issue 7: two
 * threads at least 1.8x the throughput of one). Scores are total operations per millisecond across
 * all threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThreadsBenchmark {
    private PolicyEngine engine;

    /** Builds the default engine once per fork; both threads share it, as hosts do. */
    @Setup
    public void setUp() {
        engine = PolicyEngine.builder().semanticTier(false).build();
    }

    /** One thread. */
    @Benchmark
    @Threads(1)
    public Decision oneThread() {
        return engine.evaluate(Inputs.TYPICAL);
    }

    /** Two threads on the same engine. */
    @Benchmark
    @Threads(2)
    public Decision twoThreads() {
        return engine.evaluate(Inputs.TYPICAL);
    }
}
