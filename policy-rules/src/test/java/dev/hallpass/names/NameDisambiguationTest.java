package dev.hallpass.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.DetectorFixtures;
import dev.hallpass.detect.Detectors;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Children's names told from look-alikes: a roster first name inside a place, event, title,
 * character or famous person's name, or a nickname used as the word it is, is not a child's name;
 * the same names used for a child still are. Precision and recall of CHILD_NAME spans on the
 * corpus's test split (never tuned on) may not fall below the floors measured; issue 15's targets
 * (precision 0.98, recall 1.00) are printed beside them, with the dev figures.
 */
final class NameDisambiguationTest {
    private static final Detectors DETECTORS = DetectorFixtures.forProfile(NamesCorpus.profile());
    /** Issue 15's targets, not met yet: reported, not asserted. */
    static final double TARGET_PRECISION = 0.98;
    static final double TARGET_RECALL = 1.00;
    /** Floors at the figures measured on the test split (word lists alone): a change may not do worse. */
    static final double MIN_PRECISION = 0.885;
    static final double MIN_RECALL = 0.955;

    /** Counts for one split: found names that are names, found ones that are not, names missed. */
    static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        final List<String> errors = new ArrayList<>();
        final Map<String, int[]> byCategory = new TreeMap<>();

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format("precision %.3f (%d/%d), recall %.3f (%d/%d)", precision(), truePositives, truePositives + falsePositives,
                    recall(), truePositives, truePositives + falseNegatives);
        }
    }

    static Score score(List<NamesCorpus.NameCase> cases) {
        Score s = new Score();
        for (NamesCorpus.NameCase c : cases) {
            List<int[]> expected = c.spans();
            List<Finding> found = DETECTORS.scan(c.text(), List.of()).stream().filter(f -> f.kind() == FindingKind.CHILD_NAME).toList();
            int[] cat = s.byCategory.computeIfAbsent(c.category(), k -> new int[3]);
            for (Finding f : found) {
                boolean hit = expected.stream().anyMatch(e -> f.start() < e[1] && e[0] < f.end());
                if (hit) {
                    s.truePositives++;
                    cat[0]++;
                } else {
                    s.falsePositives++;
                    cat[1]++;
                    s.errors.add("false alarm " + c.id() + " [" + c.text().substring(f.start(), f.end()) + "]: " + c.text());
                }
            }
            for (int[] e : expected) {
                if (found.stream().noneMatch(f -> f.start() < e[1] && e[0] < f.end())) {
                    s.falseNegatives++;
                    cat[2]++;
                    s.errors.add("missed " + c.id() + " [" + c.text().substring(e[0], e[1]) + "]: " + c.text());
                }
            }
        }
        return s;
    }

    @Test
    void names_are_told_from_look_alikes_on_the_test_split_no_worse_than_measured() {
        List<NamesCorpus.NameCase> all = NamesCorpus.names();
        Score dev = score(all.stream().filter(c -> !c.test()).toList());
        Score test = score(all.stream().filter(NamesCorpus.NameCase::test).toList());
        long traps = all.stream().filter(c -> c.id().startsWith("trap")).count();
        System.out.println("names corpus: " + all.size() + " messages (" + traps + " look-alike traps, " + (all.size() - traps)
                + " real name uses); dev " + dev + "; test " + test);
        test.byCategory.forEach((k, v) -> System.out.println("  test " + k + ": " + v[0] + " found, " + v[1] + " false alarms, " + v[2] + " missed"));
        if (Boolean.getBoolean("hallpass.showDevErrors")) {
            dev.errors.forEach(e -> System.out.println("  dev " + e));
        }
        System.out.printf("  targets (issue 15): precision %.2f, recall %.2f: %s%n", TARGET_PRECISION, TARGET_RECALL,
                test.precision() >= TARGET_PRECISION && test.recall() >= TARGET_RECALL ? "met" : "not met");
        assertThat(test.precision()).as("name precision on the test split: %s", test).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(test.recall()).as("name recall on the test split: %s", test).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void the_corpus_has_enough_traps_and_real_uses_in_each_split() {
        List<NamesCorpus.NameCase> all = NamesCorpus.names();
        assertThat(all.stream().filter(c -> c.id().startsWith("trap")).count()).isGreaterThanOrEqualTo(150);
        assertThat(all.stream().filter(c -> c.id().startsWith("real")).count()).isGreaterThanOrEqualTo(150);
        assertThat(all.stream().filter(NamesCorpus.NameCase::test).count()).isGreaterThanOrEqualTo(all.size() / 3);
    }
}
