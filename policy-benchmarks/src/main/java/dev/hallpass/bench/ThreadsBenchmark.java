package dev.hallpass.bench;

import dev.hallpass.Decision;
import dev.hallpass.PolicyEngine;
import dev.hallpass.SchoolProfile;
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
 * all threads. The semantic pair (issue 17) evaluates with the tier on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dhallpass.semantic.cacheBytes=0") // the semantic tier's window cache off: a model run per evaluation
public class ThreadsBenchmark {
    private PolicyEngine engine;
    private PolicyEngine semantic;
    private HandCodedPolicy baseline;

    /** Builds the engines once per fork (lexical, and with the semantic tier); the threads share them, as hosts do. */
    @Setup
    public void setUp() {
        engine = PolicyEngine.builder().semanticTier(false).build();
        semantic = PolicyEngine.builder().build();
        baseline = new HandCodedPolicy(SchoolProfile.builtIn());
    }

    /**
     * The host's own ceiling: the hand-coded baseline (no shared state, little allocation) from one
     * thread. What two threads give over this is what two threads of any CPU-bound Java code give on
     * this machine, against which the engine's scaling is read.
     */
    @Benchmark
    @Threads(1)
    public Verdict oneThreadBaseline() {
        return baseline.decide(Inputs.TYPICAL);
    }

    /** The hand-coded baseline from two threads. */
    @Benchmark
    @Threads(2)
    public Verdict twoThreadsBaseline() {
        return baseline.decide(Inputs.TYPICAL);
    }

    /** One thread, the semantic tier on (issue 17: two threads at least 1.8x this). */
    @Benchmark
    @Threads(1)
    public Decision oneThreadSemantic() {
        return semantic.evaluate(Inputs.TYPICAL);
    }

    /** Two threads on the same engine with the semantic tier (one shared model session). */
    @Benchmark
    @Threads(2)
    public Decision twoThreadsSemantic() {
        return semantic.evaluate(Inputs.TYPICAL);
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
