package dev.hallpass.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The CLI from process start to first decision (issue 17: with a warm cache of compiled rules, at
 * most 0.5 s on the word lists alone and 1.0 s with the semantic model): each operation starts a {@code java} process running {@code policy-cli.jar
 * evaluate} on a file of one typical message, with the JVM options {@code ./policy} uses
 * (including its class-data archive, {@code policy-cli/target/policy-cli.jsa}, when present; run
 * {@code ./policy} once to record it), and waits for it to exit. {@code cold}: an empty
 * compiled-rules cache directory, so the rules are compiled (and written); {@code warm}: the
 * directory already holds them. {@code tier}: {@code lexical} runs {@code evaluate --no-semantic}, {@code
 * semantic} the default (the model beside the word lists).
 *
 * <p>Run from the repository root (as {@code run-quick.sh} does), or set {@code -Dhallpass.root}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CliStartBenchmark {
    @Param({"cold", "warm"})
    public String cache;

    /** {@code lexical}: {@code --no-semantic}; {@code semantic}: the default. */
    @Param({"lexical", "semantic"})
    public String tier;

    private Path root;
    private Path input;
    private Path cacheDir;
    private Path scratch;

    /** Writes the input, and for {@code warm} fills the cache once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        root = Path.of(System.getProperty("hallpass.root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar())) {
            throw new IllegalStateException(jar() + " missing: build the CLI first (./policy --help)");
        }
        scratch = Files.createTempDirectory("hallpass-cli-bench");
        input = Files.writeString(scratch.resolve("one.jsonl"), Inputs.typicalJson() + "\n", StandardCharsets.UTF_8);
        cacheDir = scratch.resolve("cache");
        if (cache.equals("warm")) {
            evaluate();
        }
    }

    /** A cold run starts from an empty cache directory every time. */
    @Setup(Level.Invocation)
    public void emptyCacheWhenCold() throws IOException {
        if (cache.equals("cold")) {
            delete(cacheDir);
        }
    }

    /** Removes the scratch directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        delete(scratch);
    }

    /** One CLI process, start to exit; fails unless it printed one decision. */
    @Benchmark
    public String evaluate() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        Path jsa = root.resolve("policy-cli/target/policy-cli.jsa");
        if (Files.isRegularFile(jsa)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(List.of("-jar", jar().toString(), "evaluate", "--rules-cache", cacheDir.toString()));
        switch (tier) {
            case "lexical" -> command.add("--no-semantic");
            case "semantic" -> { }
            default -> throw new IllegalArgumentException("tier: " + tier);
        }
        command.add(input.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 || !out.contains("\"outcome\"")) {
            throw new IllegalStateException("CLI exited " + code + " with: " + out);
        }
        return out;
    }

    private Path jar() {
        return root.resolve("policy-cli/target/policy-cli.jar");
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
