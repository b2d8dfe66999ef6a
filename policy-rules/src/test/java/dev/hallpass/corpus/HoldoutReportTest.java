package dev.hallpass.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.fixtures.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The held-out corpus: written apart from the word lists and never used to tune them. Its figures
 * are reported ({@code target/holdout-report.txt}); the floor asserted here only catches a collapse.
 */
final class HoldoutReportTest {
    @Test
    void the_detectors_generalise_to_phrasing_they_were_not_tuned_on() throws IOException {
        CorpusReport report = CorpusReport.of(Engines.defaults(), Corpus.in(Corpus.HOLDOUT));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/holdout-report.txt"), report.format());
        System.out.print("held-out corpus\n" + report.format());
        assertThat(report.cases()).isGreaterThanOrEqualTo(200);
        // Floors well under the measured figures (see CHANGELOG): they catch a collapse, not a dip.
        report.clauses().forEach((clause, s) -> {
            assertThat(s.precision()).as("held-out precision of %s", clause).isGreaterThanOrEqualTo(0.85);
            assertThat(s.recall()).as("held-out recall of %s", clause).isGreaterThanOrEqualTo(0.3);
        });
        assertThat(report.benignAlarmRate()).isLessThanOrEqualTo(0.05);
    }
}
