package dev.hallpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's {@code results.json} (and {@code serve.json} and {@code threads.json}, when there) and {@code heap.json} and prints
 * every figure issues 7 and 17 ask for (a figure whose benchmark did not run shows "not measured"),
 * each against its target, as a Markdown table; also writes it to {@code summary.md} beside them.
 * Ratios are computed from the same run's scores.
 *
 * <p>Usage: {@code Summary [bench-dir]} (default {@code bench}).
 */
public final class Summary {
    private static final String PKG = "dev.hallpass.bench.";
    /** What a figure shows when its benchmark did not run (or a method it needs does not exist yet). */
    static final String NOT_MEASURED = "not measured";

    private final JsonNode results;
    private final List<String> rows = new ArrayList<>();

    private Summary(JsonNode results) {
        this.results = results;
    }

    /**
     * Prints the table and writes {@code summary.md}.
     *
     * @param args {@code [bench-dir]}
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench");
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(dir.resolve("results.json").toFile());
        // ServeBenchmark's and ThreadsBenchmark's own runs (longer iterations)
        for (String own : java.util.List.of("serve.json", "threads.json")) {
            Path file = dir.resolve(own);
            if (Files.isRegularFile(file) && results.isArray()) {
                json.readTree(file.toFile()).forEach(((com.fasterxml.jackson.databind.node.ArrayNode) results)::add);
            }
        }
        Summary s = new Summary(results);
        Path heapFile = dir.resolve("heap.json");
        JsonNode heap = Files.isRegularFile(heapFile) ? json.readTree(heapFile.toFile()) : null;
        String table = s.table(heap);
        System.out.print(table);
        Files.writeString(dir.resolve("summary.md"), table);
    }

    private String table(JsonNode heap) {
        rows.add("| figure | measured | target | met |");
        rows.add("| --- | --- | --- | --- |");
        double avg = score("EvaluateBenchmark.typical", "avgt", null);
        double p50 = percentile("EvaluateBenchmark.typical", "50.0");
        double p99 = percentile("EvaluateBenchmark.typical", "99.0");
        double baseAvg = score("BaselineBenchmark.typical", "avgt", null);
        double baseP50 = percentile("BaselineBenchmark.typical", "50.0");
        row("evaluate, typical message, average", us(avg), "", null);
        row("evaluate, typical message, p50 (lexical)", us(p50), "≤ 5 µs", met(p50 <= 5, p50));
        row("evaluate, typical message, p99", us(p99), "", null);
        row("evaluate, varied typical messages, average per message", us(score("EvaluateBenchmark.varied", "avgt", null)), "", null);
        row("hand-coded baseline, typical message, average", us(baseAvg), "", null);
        row("hand-coded baseline, typical message, p50 / p99",
                us(baseP50) + " / " + us(percentile("BaselineBenchmark.typical", "99.0")), "", null);
        row("hand-coded baseline, varied, average per message", us(score("BaselineBenchmark.varied", "avgt", null)), "", null);
        double ratio = avg / baseAvg;
        row("evaluate ÷ baseline (averages, typical, lexical)", x(ratio), "≤ 3×", met(ratio <= 3, ratio));
        row("evaluate ÷ baseline (p50, typical)", x(p50 / baseP50), "", null);
        double one = tiered("ThreadsBenchmark.oneThread", "thrpt", "lexical");
        double two = tiered("ThreadsBenchmark.twoThreads", "thrpt", "lexical");
        row("throughput, lexical, 1 thread", opsPerMs(one), "", null);
        row("throughput, lexical, 2 threads", opsPerMs(two), "", null);
        row("2 threads ÷ 1 thread, lexical", x(two / one), "≥ 1.8×", met(two / one >= 1.8, two / one));
        double baseOne = score("ThreadsBenchmark.oneThreadBaseline", "thrpt", null);
        double baseTwo = score("ThreadsBenchmark.twoThreadsBaseline", "thrpt", null);
        row("2 threads ÷ 1 thread, hand-coded baseline (this host's ceiling)", x(baseTwo / baseOne), "", null);
        // The semantic tier's scaling: ThreadsBenchmark with tier=semantic, or methods of their own.
        double semOne = firstOf(tiered("ThreadsBenchmark.oneThread", "thrpt", "semantic"),
                score("ThreadsBenchmark.semanticOneThread", "thrpt", null), score("ThreadsBenchmark.oneThreadSemantic", "thrpt", null));
        double semTwo = firstOf(tiered("ThreadsBenchmark.twoThreads", "thrpt", "semantic"),
                score("ThreadsBenchmark.semanticTwoThreads", "thrpt", null), score("ThreadsBenchmark.twoThreadsSemantic", "thrpt", null));
        if (!Double.isNaN(semOne)) {
            row("throughput, semantic, 1 thread / 2 threads", String.format(Locale.ROOT, "%,.3f / %,.3f ops/ms", semOne, semTwo), "", null);
        }
        row("2 threads ÷ 1 thread, semantic", x(semTwo / semOne), "≥ 1.8×", met(semTwo / semOne >= 1.8, semTwo / semOne));
        double b100 = score("TextLengthBenchmark.evaluate", "avgt", "100");
        double b10k = score("TextLengthBenchmark.evaluate", "avgt", "10000");
        double b1m = score("TextLengthBenchmark.evaluate", "avgt", "1000000");
        row("text 100 B", us(b100), "", null);
        row("text 10 KB", us(b10k), "", null);
        row("text 1 MB (lexical)", ms(b1m / 1000), "≤ 50 ms", met(b1m <= 50_000, b1m));
        double perKb10k = b10k / 10;
        double perKb1m = b1m / 1000;
        boolean linear = perKb1m <= 1.5 * perKb10k;
        row("cost per KB at 10 KB → at 1 MB", us(perKb10k) + " → " + us(perKb1m) + " (" + x(perKb1m / perKb10k) + ")",
                "linear: per-KB cost at 1 MB ≤ 1.5× that at 10 KB", met(linear, perKb1m / perKb10k));
        for (String n : List.of("0", "100", "1000")) {
            row("rules: default + " + n + " generated", us(score("RuleCountBenchmark.evaluate", "avgt", n)), "", null);
        }
        semanticRows();
        for (String tier : List.of("lexical", "semantic")) {
            double target = tier.equals("lexical") ? 500 : 1000;
            double warm = score("CliStartBenchmark.evaluate", "ss", Map.of("cache", "warm", "tier", tier));
            double cold = score("CliStartBenchmark.evaluate", "ss", Map.of("cache", "cold", "tier", tier));
            row("CLI start to first decision, " + tier + ", warm compiled-rules cache", seconds(warm),
                    "≤ " + seconds(target), Double.isNaN(warm) ? null : warm <= target);
            row("CLI start to first decision, " + tier + ", cold (compiles and writes the cache)", seconds(cold), "", null);
        }
        double cliLine = score("CliLinesBenchmark.evaluate", "avgt", null, "dev.hallpass.cli.");
        double jacksonLine = score("CliLinesBenchmark.jackson", "avgt", null, "dev.hallpass.cli.");
        double engineLine = score("CliLinesBenchmark.engineAlone", "avgt", null, "dev.hallpass.cli.");
        row("CLI per message, 50,000 lines, lexical (evaluate --no-semantic in process)", us(cliLine), "", null);
        row("bare Jackson read and write of the same lines, per line", us(jacksonLine), "", null);
        row("engine alone on the same messages, per message", us(engineLine), "", null);
        double perLine = cliLine / jacksonLine;
        row("CLI per message ÷ Jackson", x(perLine), "≤ 4×", Double.isNaN(perLine) ? null : perLine <= 4);
        for (String tier : List.of("lexical", "semantic")) {
            double avgMs = score("ServeBenchmark.evaluate", "sample", Map.of("tier", tier));
            double serveP99 = percentile("ServeBenchmark.evaluate", "99.0", Map.of("tier", tier));
            double serveP50 = percentile("ServeBenchmark.evaluate", "50.0", Map.of("tier", tier));
            double rps = ServeBenchmark.CLIENTS / (avgMs / 1000);
            row("serve, " + tier + ", " + ServeBenchmark.CLIENTS + " concurrent clients: requests per second",
                    Double.isNaN(rps) ? NOT_MEASURED : String.format(Locale.ROOT, "%,.0f /s", rps), "reported", null);
            row("serve, " + tier + ", " + ServeBenchmark.CLIENTS + " concurrent clients: p50 / p99",
                    Double.isNaN(serveP99) ? NOT_MEASURED : ms(serveP50) + " / " + ms(serveP99), "reported", null);
        }
        if (heap != null) {
            long bytes = heap.get("bytesPerProfile").asLong();
            String how = heap.get("profilesMeasured").asInt() + " profiles measured"
                    + (heap.get("extrapolated").asBoolean() ? ", extrapolated to 10,000" : "");
            row("heap per extra school profile (" + how + ")", String.format(Locale.ROOT, "%,d bytes", bytes), "≤ 50 KB",
                    bytes <= HeapPerProfile.TARGET_BYTES);
            row("build time per extra profile", String.format(Locale.ROOT, "%,.1f ms", heap.get("buildMillisPerProfile").asDouble()),
                    "", null);
            row("heap of profile + detectors alone (what sharing the rules would leave)",
                    String.format(Locale.ROOT, "%,d bytes", heap.get("profileAndDetectorsBytesPerProfile").asLong()), "", null);
        }
        String load = loadAverage();
        if (!load.isEmpty()) {
            rows.add("");
            rows.add("Load average at the end of the run (1, 5, 15 min; " + Runtime.getRuntime().availableProcessors()
                    + " cores): " + load + ". Above the core count, other processes shared the CPUs and the times are inflated.");
        }
        return String.join("\n", rows) + "\n";
    }

    /**
     * The semantic tier (SemanticBenchmark): full evaluate against a bare ONNX Runtime inference of the same
     * model on the same tokens, per text; the 1 MB bound. A method that is not in the results is "not measured".
     */
    private void semanticRows() {
        for (String text : List.of("typical", "varied", "sentence", "note")) {
            Map<String, String> p = Map.of("text", text);
            double tier = score("SemanticBenchmark.evaluateWithTier", "avgt", p);
            double bare = score("SemanticBenchmark.bareInference", "avgt", p);
            double everyRun = score("SemanticBenchmark.bareInferenceEveryRun", "avgt", p);
            double lexical = score("SemanticBenchmark.evaluateLexical", "avgt", p);
            row("semantic, " + text + ": evaluate with the tier", us(tier), "", null);
            row("semantic, " + text + ": bare ONNX inference, the message's windows", us(bare), "", null);
            row("semantic, " + text + ": bare ONNX inference, every window an evaluation runs (rewrite included)", us(everyRun), "", null);
            row("semantic, " + text + ": word lists alone", us(lexical), "", null);
            row("semantic, " + text + ": evaluate ÷ bare inference", x(tier / bare), "≤ 1.3×", met(tier / bare <= 1.3, tier / bare));
            row("semantic, " + text + ": evaluate ÷ bare inference of every window", x(tier / everyRun), "", null);
        }
        double mb = firstOf(score("SemanticMegabyteBenchmark.oneMegabyteWithTier", "avgt", null),
                score("SemanticBenchmark.oneMegabyteWithTier", "avgt", Map.of("text", "note")));
        row("semantic, 1 MB message with the tier", ms(mb), "≤ 200 ms (semantic-tier issue)", met(mb <= 200, mb));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return ""; // not Linux: leave the line out
        }
    }

    private void row(String figure, String measured, String target, Boolean met) {
        rows.add("| " + figure + " | " + measured + " | " + target + " | " + (met == null ? "" : met ? "yes" : "**no**") + " |");
    }

    /** {@code met}, or null (no verdict) when the figure it depends on was not measured. */
    private static Boolean met(boolean met, double figure) {
        return Double.isNaN(figure) ? null : met;
    }

    private static double firstOf(double... scores) {
        for (double d : scores) {
            if (!Double.isNaN(d)) {
                return d;
            }
        }
        return Double.NaN;
    }

    /** The score with {@code tier} as a parameter; for {@code lexical} also a result with no tier parameter. */
    private double tiered(String benchmark, String mode, String tier) {
        double d = score(benchmark, mode, Map.of("tier", tier));
        if (Double.isNaN(d) && tier.equals("lexical")) {
            JsonNode m = find(PKG + benchmark, mode, r -> !r.has("params") || !r.get("params").has("tier"));
            d = m == null ? Double.NaN : m.get("score").asDouble();
        }
        return d;
    }

    private JsonNode find(String fullName, String mode, java.util.function.Predicate<JsonNode> params) {
        for (JsonNode r : results) {
            if (r.get("benchmark").asText().equals(fullName) && r.get("mode").asText().equals(mode) && params.test(r)) {
                return r.get("primaryMetric");
            }
        }
        return null;
    }

    /** {@code param}: null for any, a string for the first parameter's value, or a map of parameter values. */
    private JsonNode find(String fullName, String mode, Object param) {
        return find(fullName, mode, r -> param == null
                || (param instanceof String v && r.has("params") && r.get("params").elements().next().asText().equals(v))
                || (param instanceof Map<?, ?> want && r.has("params") && want.entrySet().stream()
                        .allMatch(e -> r.get("params").has((String) e.getKey())
                                && r.get("params").get((String) e.getKey()).asText().equals(e.getValue()))));
    }

    private double score(String benchmark, String mode, Object param) {
        return score(benchmark, mode, param, PKG);
    }

    private double score(String benchmark, String mode, Object param, String pkg) {
        JsonNode m = find(pkg + benchmark, mode, param);
        return m == null ? Double.NaN : m.get("score").asDouble();
    }

    private double percentile(String benchmark, String p) {
        return percentile(benchmark, p, null);
    }

    private double percentile(String benchmark, String p, Object param) {
        JsonNode m = find(PKG + benchmark, "sample", param);
        return m == null ? Double.NaN : m.get("scorePercentiles").get(p).asDouble();
    }

    private static String opsPerMs(double v) {
        return Double.isNaN(v) ? NOT_MEASURED : String.format(Locale.ROOT, "%,.1f ops/ms", v);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? NOT_MEASURED : String.format(Locale.ROOT, "%,.1f ms", v);
    }

    private static String us(double v) {
        return Double.isNaN(v) ? NOT_MEASURED : String.format(Locale.ROOT, v < 10 ? "%.2f µs" : "%,.1f µs", v);
    }

    private static String seconds(double millis) {
        return Double.isNaN(millis) ? NOT_MEASURED : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    private static String x(double v) {
        return Double.isNaN(v) ? NOT_MEASURED : String.format(Locale.ROOT, "%.2f×", v);
    }
}
