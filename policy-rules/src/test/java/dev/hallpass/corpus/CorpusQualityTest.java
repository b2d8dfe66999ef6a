package dev.hallpass.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.PolicyEngine;
import dev.hallpass.fixtures.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detectors measured on the labelled corpus: precision and recall of every enforced clause,
 * and how often a benign message is stopped. The table is printed and written to
 * {@code target/corpus-report.txt}.
 */
final class CorpusQualityTest {
    private static CorpusReport report;

    @BeforeAll
    static void measure() throws IOException {
        PolicyEngine engine = Engines.defaults();
        report = CorpusReport.of(engine, Corpus.all());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/corpus-report.txt"), report.format());
        System.out.print(report.format());
    }

    @Test
    void the_corpus_has_at_least_300_cases_and_40_percent_benign() {
        assertThat(report.cases()).isGreaterThanOrEqualTo(300);
        assertThat((double) report.benign() / report.cases()).isGreaterThanOrEqualTo(0.40);
    }

    @Test
    void every_enforced_clause_has_precision_and_recall_of_at_least_0_95() {
        report.clauses().forEach((clause, s) -> {
            assertThat(s.truePositives()).as("clause %s fires on at least one case", clause).isPositive();
            assertThat(s.precision()).as("precision of %s", clause).isGreaterThanOrEqualTo(0.95);
            assertThat(s.recall()).as("recall of %s", clause).isGreaterThanOrEqualTo(0.95);
        });
    }

    @Test
    void every_child_name_and_photo_where_many_parents_see_is_caught() {
        assertThat(report.clauses().get("4.12").recall()).isEqualTo(1.0);
    }

    @Test
    void at_most_one_benign_message_in_a_hundred_is_stopped() {
        assertThat(report.benignAlarmRate()).as("benign alarms: %s", report.benignAlarmLabels()).isLessThanOrEqualTo(0.01);
    }
}
