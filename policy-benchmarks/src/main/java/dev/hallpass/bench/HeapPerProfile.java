package dev.hallpass.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hallpass.PolicyEngine;
import dev.hallpass.SchoolProfile;
import dev.hallpass.detect.DetectorConfig;
import dev.hallpass.detect.Detectors;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Heap per extra school profile (issue 7: at most 50 KB each, for 10,000 profiles): builds engines
 * for distinct profiles (the seed profile with its school name and roster changed) next to the
 * default engine, keeps them all, and divides the growth of the heap after full collections by their
 * number. Writes the figures to a JSON file.
 *
 * <p>Building 10,000 engines may take far longer than a quick profile allows: a first batch is
 * timed, and when 10,000 would take more than the time budget (or more than half the heap) a smaller
 * number is measured ({@value #FALLBACK_COUNT}) and the figures for 10,000 are extrapolated; the
 * JSON says which and why.
 *
 * <p>Also measured, for comparison: the heap of the part that stays per profile even if the rule
 * base were shared (the profile and its {@link Detectors}).
 *
 * <p>Usage: {@code HeapPerProfile [output.json] [--count N] [--budget-seconds S]}.
 */
public final class HeapPerProfile {
    static final int TARGET_COUNT = 10_000;
    static final int FALLBACK_COUNT = 500;
    static final long TARGET_BYTES = 50 * 1024;
    private static final int PROBE_COUNT = 50;

    private static final String[] FIRST = {"Ava", "Ben", "Cara", "Dev", "Ella", "Finn", "Gemma", "Hari", "Ivy", "Jon",
        "Kai", "Lena", "Milo", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wren", "Yusuf",
        "Zara"};
    private static final String[] LAST = {"Adams", "Baker", "Clarke", "Dunn", "Ellis", "Fox", "Grant", "Hughes", "Iqbal",
        "James", "Kerr", "Lowe", "Marsh", "Nash", "Okafor", "Price", "Reid", "Shah", "Turner", "Vaughan", "Walsh", "Young"};

    private HeapPerProfile() {}

    /**
     * Runs the measurement and writes the JSON.
     *
     * @param args {@code [output.json] [--count N] [--budget-seconds S]}; the output defaults to
     *     {@code bench/heap.json}
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("bench/heap.json");
        Integer forced = null;
        double budgetSeconds = 120;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> forced = Integer.parseInt(args[++i]);
                case "--budget-seconds" -> budgetSeconds = Double.parseDouble(args[++i]);
                default -> out = Path.of(args[i]);
            }
        }
        SchoolProfile seed = SchoolProfile.builtIn();
        PolicyEngine shared = PolicyEngine.builder().semanticTier(false).build(); // the default engine every host already has
        shared.evaluate(Inputs.TYPICAL);

        // Warm the build path up (class loading, JIT), then time a batch to choose how many to measure.
        measure(PROBE_COUNT, i -> engine(profile(seed, 3 * TARGET_COUNT + i)));
        Batch probe = measure(PROBE_COUNT, i -> engine(profile(seed, TARGET_COUNT + i)));
        long maxHeap = Runtime.getRuntime().maxMemory();
        boolean fitsTime = probe.secondsEach() * TARGET_COUNT <= budgetSeconds;
        boolean fitsHeap = probe.bytesEach() * TARGET_COUNT <= maxHeap / 2;
        int count = forced != null ? forced : fitsTime && fitsHeap ? TARGET_COUNT : FALLBACK_COUNT;

        Batch engines = measure(count, i -> engine(profile(seed, i)));
        long perEngine = engines.bytesEach();

        // The part that would stay per profile if the rule base were shared.
        int detectorCount = Math.min(count, 2_000);
        long detectorBytes = measure(detectorCount, i -> {
            SchoolProfile p = profile(seed, 2 * TARGET_COUNT + i);
            return List.of(p, Detectors.of(detectorConfig(p)));
        }).bytesEach();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "heap per extra school profile sharing the default rules");
        json.put("measuredAt", Instant.now().toString());
        json.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        json.put("maxHeapBytes", maxHeap);
        json.put("profilesMeasured", count);
        json.put("extrapolated", count < TARGET_COUNT);
        json.put("whyExtrapolated", count >= TARGET_COUNT ? null
                : forced != null ? "--count given"
                : !fitsTime ? String.format("10,000 builds at %.3f s each would take %.0f s, over the %.0f s budget",
                        probe.secondsEach(), probe.secondsEach() * TARGET_COUNT, budgetSeconds)
                : String.format("10,000 engines at %d bytes each would need over half the heap", probe.bytesEach()));
        json.put("bytesPerProfile", perEngine);
        json.put("buildMillisPerProfile", round(engines.secondsEach() * 1000));
        json.put("projectedHeapBytesFor10000", perEngine * TARGET_COUNT);
        json.put("projectedBuildSecondsFor10000", round(engines.secondsEach() * TARGET_COUNT));
        json.put("profileAndDetectorsBytesPerProfile", detectorBytes);
        json.put("targetBytesPerProfile", TARGET_BYTES);
        json.put("met", perEngine <= TARGET_BYTES);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        System.out.printf("heap per profile: %,d bytes (%d engines, %.1f ms each to build%s); profile+detectors alone: %,d bytes -> %s%n",
                perEngine, count, engines.secondsEach() * 1000, count < TARGET_COUNT ? ", extrapolated to 10,000" : "",
                detectorBytes, out);
        shared.evaluate(Inputs.TYPICAL);
    }

    private static PolicyEngine engine(SchoolProfile p) {
        return PolicyEngine.builder().semanticTier(false).profile(p).build();
    }

    /** The seed profile with school {@code n}'s name and a roster of its own. */
    static SchoolProfile profile(SchoolProfile seed, int n) {
        List<SchoolProfile.SchoolClass> classes = new ArrayList<>();
        int k = 0;
        for (SchoolProfile.SchoolClass c : seed.classes()) {
            List<SchoolProfile.Child> children = new ArrayList<>();
            for (int j = 0; j < c.children().size(); j++, k++) {
                String name = FIRST[(n + 7 * k) % FIRST.length] + " " + LAST[(n / FIRST.length + 3 * k) % LAST.length];
                children.add(new SchoolProfile.Child(name, List.of()));
            }
            classes.add(new SchoolProfile.SchoolClass(c.id(), c.name(), c.teachers(), children));
        }
        return seed.toBuilder().school("School " + n).classes(classes).build();
    }

    /** What a batch of values cost: heap retained after full collections, and time to make. */
    private record Batch(long bytesEach, double secondsEach) {}

    /** Makes {@code count} values, keeps them all, and measures the heap they hold and the time taken. */
    private static Batch measure(int count, IntFunction<Object> make) {
        List<Object> kept = new ArrayList<>(count);
        long before = usedAfterGc();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            kept.add(make.apply(i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        Reference.reachabilityFence(kept);
        return new Batch(Math.max(0, after - before) / count, seconds / count);
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * What the engine's package-private {@code DetectorSetup} gives the recognizers for {@code p},
     * built from the profile's public parts (the benchmark lives outside that package).
     */
    private static DetectorConfig detectorConfig(SchoolProfile p) {
        List<DetectorConfig.RosterName> roster = new ArrayList<>();
        List<String> notNames = new ArrayList<>();
        for (SchoolProfile.SchoolClass c : p.classes()) {
            notNames.add(c.name());
            notNames.add(c.id());
            c.children().forEach(child -> roster.add(new DetectorConfig.RosterName(child.name(), child.aliases())));
        }
        notNames.add(p.school());
        SchoolProfile.Contacts c = p.contacts();
        List<String> phones = List.of(c.schoolOffice().phone(), c.school().phone(), c.nursingTeam().phone(),
                c.evidenceForLearning().phone());
        Map<String, DetectorConfig.WordList> words = new LinkedHashMap<>();
        p.words().forEach((name, list) -> words.put(name, new DetectorConfig.WordList(list.add(), list.ignore())));
        return new DetectorConfig(roster, notNames, phones, words, java.util.Set.of());
    }
}
