package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallpass.ProfileDetectors;
import dev.hallpass.SchoolProfile;
import dev.hallpass.detect.Detectors;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Children's names with the semantic tier on: the word lists find the names, the name probe sets
 * aside the look-alikes it reads as places, titles, characters or famous people. Scored on the test
 * half of the names corpus of policy-rules (never trained or tuned on), against the word lists alone.
 */
class NamesWithTheTierTest {
    /** Issue 15's targets, not met yet: reported, not asserted. */
    static final double TARGET_PRECISION = 0.98;
    static final double TARGET_RECALL = 1.00;
    /** Floors at the figures measured with the built-in probe: a change may not do worse. */
    static final double MIN_PRECISION = 0.91;
    static final double MIN_RECALL = 0.955;

    private static SemanticTier tier;
    private static Detectors detectors;

    @BeforeAll
    static void load() {
        tier = SemanticTier.load();
        detectors = ProfileDetectors.of(SchoolProfile.load(NameProbeTraining.NAMES.resolve("profile.yaml")));
    }

    @AfterAll
    static void close() {
        tier.close();
    }

    /** Found, false alarms and missed, over the test half, for names as {@code names} finds them. */
    static int[] score(Function<String, List<Finding>> names) {
        int[] s = new int[3];
        for (String file : NameProbeTraining.NAMES_FILES) {
            for (JsonNode n : NameProbeTraining.lines(NameProbeTraining.NAMES.resolve(file))) {
                if (!NameProbeTraining.inTest(n.get("id").asText())) {
                    continue;
                }
                String text = n.get("text").asText();
                List<int[]> expected = NameProbeTraining.spans(text, NameProbeTraining.list(n, "names"));
                List<Finding> found = names.apply(text);
                for (Finding f : found) {
                    s[expected.stream().anyMatch(e -> f.start() < e[1] && e[0] < f.end()) ? 0 : 1]++;
                }
                for (int[] e : expected) {
                    if (found.stream().noneMatch(f -> f.start() < e[1] && e[0] < f.end())) {
                        s[2]++;
                    }
                }
            }
        }
        return s;
    }

    static List<Finding> lexical(String text) {
        return detectors.scan(text, List.of()).stream().filter(f -> f.kind() == FindingKind.CHILD_NAME).toList();
    }

    static List<Finding> withTier(String text) {
        List<Finding> lexical = detectors.scan(text, List.of());
        return SemanticDetector.decide(tier.score(text, lexical), lexical, () -> new java.util.HashSet<>(lexical)).stream()
                .filter(f -> f.kind() == FindingKind.CHILD_NAME).toList();
    }

    static String figures(int[] s) {
        return String.format("precision %.3f (%d/%d), recall %.3f (%d/%d)", precision(s), s[0], s[0] + s[1], recall(s), s[0], s[0] + s[2]);
    }

    static double precision(int[] s) {
        return s[0] / (double) (s[0] + s[1]);
    }

    static double recall(int[] s) {
        return s[0] / (double) (s[0] + s[2]);
    }

    @Test
    void the_tier_sets_aside_look_alikes_the_word_lists_take_for_names_without_losing_a_child() {
        int[] lexical = score(NamesWithTheTierTest::lexical);
        int[] tiered = score(NamesWithTheTierTest::withTier);
        System.out.println("names, test half: word lists " + figures(lexical) + "; with the tier " + figures(tiered)
                + String.format("; targets (issue 15) precision %.2f, recall %.2f: %s", TARGET_PRECISION, TARGET_RECALL,
                        precision(tiered) >= TARGET_PRECISION && recall(tiered) >= TARGET_RECALL ? "met" : "not met"));
        assertThat(recall(tiered)).as("recall with the tier").isEqualTo(recall(lexical));
        assertThat(precision(tiered)).as("precision with the tier").isGreaterThan(precision(lexical)).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall(tiered)).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void training_again_gives_the_built_in_probe_s_threshold_names_and_decisions() {
        NameProbe builtIn = NameProbe.builtIn();
        java.util.Set<String> ambiguous = NameProbeTraining.ambiguousNames();
        List<NameProbeTraining.Example> examples = NameProbeTraining.examples(tier.encoder()).stream()
                .filter(e -> ambiguous.contains(NameProbe.fold(e.name()))).toList();
        NameProbe again = NameProbeTraining.train(tier.encoder().modelDigest(), examples);
        // One grid step of tolerance, and a few names, for another CPU (see TrainingIsReproducibleTest).
        assertThat(again.threshold()).isCloseTo(builtIn.threshold(), org.assertj.core.data.Offset.offset(TrainingIsReproducibleTest.THRESHOLD_STEP));
        assertThat(again.ambiguous()).isEqualTo(builtIn.ambiguous());
        SemanticTier retrained = tier.withNameProbe(again);
        List<String> differ = new java.util.ArrayList<>();
        int[] judged = {0};
        for (String file : NameProbeTraining.NAMES_FILES) {
            for (JsonNode n : NameProbeTraining.lines(NameProbeTraining.NAMES.resolve(file))) {
                String text = n.get("text").asText();
                List<Finding> lexical = detectors.scan(text, List.of());
                List<NameScore> a = tier.score(text, lexical).names();
                List<NameScore> b = retrained.score(text, lexical).names();
                judged[0] += a.size();
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i).isChild() != b.get(i).isChild()) {
                        differ.add(n.get("id").asText());
                    }
                }
            }
        }
        System.out.println("name probe trained again: threshold " + again.threshold() + " (built in " + builtIn.threshold() + "); "
                + differ.size() + " of " + judged[0] + " judged names decided differently");
        assertThat(differ.size()).as("names whose decision differs after training again: %s", differ)
                .isLessThanOrEqualTo(judged[0] * TrainingIsReproducibleTest.MAX_DIFFERING_PERCENT / 100);
    }

    @Test
    void a_name_with_no_other_use_is_never_judged_and_a_look_alike_in_a_title_is() {
        String text = "Has anyone seen Maise's water bottle? And Peter and the Wolf is on at the town hall";
        List<Finding> lexical = List.of(Finding.span(FindingKind.CHILD_NAME, 16, 21), Finding.span(FindingKind.CHILD_NAME, 42, 47));
        List<NameScore> scored = tier.score(text, lexical).names();
        assertThat(scored).extracting(NameScore::start).containsExactly(42);
        List<Finding> kept = SemanticDetector.decide(tier.score(text, lexical), lexical, () -> new java.util.HashSet<>(lexical));
        assertThat(kept).extracting(Finding::start).contains(16);
    }

    @Test
    void explain_reports_each_judged_name_with_its_score_and_threshold() {
        String text = "Florence loved the trip to Florence Nightingale's museum";
        List<Finding> lexical = List.of(Finding.span(FindingKind.CHILD_NAME, 0, 8));
        var report = SemanticDetector.of(tier).report(text, lexical).orElseThrow();
        assertThat(report.names()).hasSize(1);
        var n = report.names().get(0);
        assertThat(n.start()).isZero();
        assertThat(n.end()).isEqualTo(8);
        assertThat(n.threshold()).isEqualTo(NameProbe.builtIn().threshold());
        assertThat(n.child()).isEqualTo(n.score() >= n.threshold());
    }
}
