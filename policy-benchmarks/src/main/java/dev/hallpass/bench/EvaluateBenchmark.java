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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine on the send path: the default rules and the seed profile, one thread. {@code typical}
 * is the issue 7 target (p50 at most 5 µs): average and sample time (p50/p99); {@code varied} is
 * the average over {@link Inputs#VARIED}, per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluateBenchmark {
    private PolicyEngine engine;
    private ProposedMessage typical;
    private ProposedMessage[] varied;

    /** Builds the default engine once per fork. */
    @Setup
    public void setUp() {
        engine = PolicyEngine.builder().semanticTier(false).build();
        typical = Inputs.TYPICAL;
        varied = Inputs.VARIED.toArray(ProposedMessage[]::new);
    }

    /** The typical message: about 200 characters, three findings, three clauses. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    public Decision typical() {
        return engine.evaluate(typical);
    }

    /** Each of the varied typical messages once; the score is per message. */
    @Benchmark
    @OperationsPerInvocation(8)
    public void varied(Blackhole bh) {
        for (ProposedMessage m : varied) {
            bh.consume(engine.evaluate(m));
        }
    }
}
