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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost against rule count: the typical message on the default rules plus 0, 100 and 1,000
 * generated school rule files ({@link GeneratedRules}: one rule each, none of which fires).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleCountBenchmark {
    /** How many generated school rules are added to the default ones. */
    @Param({"0", "100", "1000"})
    public int extraRules;

    private PolicyEngine engine;

    /** Builds the engine with {@link #extraRules} extra rules once per fork. */
    @Setup
    public void setUp() {
        engine = GeneratedRules.engineWith(extraRules);
    }

    /** One evaluation of the typical message. */
    @Benchmark
    public Decision evaluate() {
        return engine.evaluate(Inputs.TYPICAL);
    }
}
