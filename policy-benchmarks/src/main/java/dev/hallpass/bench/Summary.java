package dev.hallpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads JMH's {@code results.json} and {@code heap.json} and prints every figure issue 7 asks for,
 * each against its target, as a Markdown table; also writes it to {@code summary.md} beside them.
 * Ratios are computed from the same run's scores.
 *
 * <p>Usage: {@code Summary [bench-dir]} (default {@code bench}).
 */
public final class Summary {
    private static final String PKG = "dev.hallpass.bench.";

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
        Summary s = new Summary(json.readTree(dir.resolve("results.json").toFile()));
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
        row("evaluate, typical message, p50", us(p50), "≤ 5 µs", p50 <= 5);
        row("evaluate, typical message, p99", us(p99), "", null);
        row("evaluate, varied typical messages, average per message", us(score("EvaluateBenchmark.varied", "avgt", null)), "", null);
        row("hand-coded baseline, typical message, average", us(baseAvg), "", null);
        row("hand-coded baseline, typical message, p50 / p99",
                us(baseP50) + " / " + us(percentile("BaselineBenchmark.typical", "99.0")), "", null);
        row("hand-coded baseline, varied, average per message", us(score("BaselineBenchmark.varied", "avgt", null)), "", null);
        double ratio = avg / baseAvg;
        row("evaluate ÷ baseline (averages, typical)", x(ratio), "≤ 3×", ratio <= 3);
        row("evaluate ÷ baseline (p50, typical)", x(p50 / baseP50), "", null);
        double one = score("ThreadsBenchmark.oneThread", "thrpt", null);
        double two = score("ThreadsBenchmark.twoThreads", "thrpt", null);
        row("throughput, 1 thread", String.format(Locale.ROOT, "%,.1f ops/ms", one), "", null);
        row("throughput, 2 threads", String.format(Locale.ROOT, "%,.1f ops/ms", two), "", null);
        row("2 threads ÷ 1 thread", x(two / one), "≥ 1.8×", two / one >= 1.8);
        double b100 = score("TextLengthBenchmark.evaluate", "avgt", "100");
        double b10k = score("TextLengthBenchmark.evaluate", "avgt", "10000");
        double b1m = score("TextLengthBenchmark.evaluate", "avgt", "1000000");
        row("text 100 B", us(b100), "", null);
        row("text 10 KB", us(b10k), "", null);
        row("text 1 MB", String.format(Locale.ROOT, "%,.1f ms", b1m / 1000), "≤ 50 ms", b1m <= 50_000);
        double perKb10k = b10k / 10;
        double perKb1m = b1m / 1000;
        boolean linear = perKb1m <= 1.5 * perKb10k;
        row("cost per KB at 10 KB → at 1 MB", us(perKb10k) + " → " + us(perKb1m) + " (" + x(perKb1m / perKb10k) + ")",
                "linear: per-KB cost at 1 MB ≤ 1.5× that at 10 KB", linear);
        for (String n : List.of("0", "100", "1000")) {
            row("rules: default + " + n + " generated", us(score("RuleCountBenchmark.evaluate", "avgt", n)), "", null);
        }
        double warm = score("CliStartBenchmark.evaluate", "ss", "warm");
        double cold = score("CliStartBenchmark.evaluate", "ss", "cold");
        row("CLI start to first decision, warm compiled-rules cache", seconds(warm), "≤ 0.5 s", warm <= 500);
        row("CLI start to first decision, cold (compiles and writes the cache)", seconds(cold), "", null);
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

    private JsonNode find(String benchmark, String mode, String param) {
        for (JsonNode r : results) {
            if (r.get("benchmark").asText().equals(PKG + benchmark) && r.get("mode").asText().equals(mode)
                    && (param == null || (r.has("params") && r.get("params").elements().next().asText().equals(param)))) {
                return r.get("primaryMetric");
            }
        }
        return null;
    }

    private double score(String benchmark, String mode, String param) {
        JsonNode m = find(benchmark, mode, param);
        return m == null ? Double.NaN : m.get("score").asDouble();
    }

    private double percentile(String benchmark, String p) {
        JsonNode m = find(benchmark, "sample", null);
        return m == null ? Double.NaN : m.get("scorePercentiles").get(p).asDouble();
    }

    private static String us(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f µs" : "%,.1f µs", v);
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    private static String x(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }
}
