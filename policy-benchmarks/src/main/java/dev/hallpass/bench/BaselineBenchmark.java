package dev.hallpass.bench;

import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
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
 * The baseline: {@link HandCodedPolicy}, the same decisions as {@link EvaluateBenchmark} hand-coded
 * in plain Java, on the same inputs and in the same run, so that the engine's overhead over it (issue
 * 7: at most 3x) is measured, not assumed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BaselineBenchmark {
    private HandCodedPolicy baseline;
    private ProposedMessage typical;
    private ProposedMessage[] varied;

    /** Builds the hand-coded policy for the seed profile once per fork. */
    @Setup
    public void setUp() {
        baseline = new HandCodedPolicy(SchoolProfile.builtIn());
        typical = Inputs.TYPICAL;
        varied = Inputs.VARIED.toArray(ProposedMessage[]::new);
    }

    /** The typical message, as in {@link EvaluateBenchmark#typical()}. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    public Verdict typical() {
        return baseline.decide(typical);
    }

    /** Each of the varied typical messages once; the score is per message. */
    @Benchmark
    @OperationsPerInvocation(8)
    public void varied(Blackhole bh) {
        for (ProposedMessage m : varied) {
            bh.consume(baseline.decide(m));
        }
    }
}
