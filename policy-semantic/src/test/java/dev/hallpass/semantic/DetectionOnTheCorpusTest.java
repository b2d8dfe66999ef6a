package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per kind on the held-out test split of the semantic corpus, printed, and held to the
 * committed floors in {@code floors.properties}: a change that makes detection worse fails here.
 */
class DetectionOnTheCorpusTest {
    @Test
    void detectionWithTheTierStaysAboveTheCommittedFloorsOnTheTestSplit() throws IOException {
        CorpusRun run = CorpusRun.get();
        Evaluation test = run.on(Corpus.Split.TEST);
        System.out.println(test.table("test split"));
        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/floors.properties")) {
            floors.load(in);
        }
        List<String> below = new ArrayList<>();
        for (Kind k : Kind.ALL) {
            Evaluation.Counts c = test.counts(k, Evaluation.Source.ENGINE);
            check(below, k + ".precision", c.precision(), floors);
            check(below, k + ".recall", c.recall(), floors);
        }
        Evaluation.Counts five4 = test.arrangements(Evaluation.Source.ENGINE);
        check(below, "5.4.precision", five4.precision(), floors);
        check(below, "5.4.recall", five4.recall(), floors);
        double benign = test.benignFlagged(Evaluation.Source.ENGINE);
        double ceiling = Double.parseDouble(floors.getProperty("benign.flagged.max"));
        if (benign > ceiling) {
            below.add(String.format("benign flagged %.3f > %.3f", benign, ceiling));
        }
        assertThat(below).as("figures below their committed floor").isEmpty();
    }

    @Test
    void theModelFindsWhatTheWordListsMissOnTheTestSplit() {
        Evaluation test = CorpusRun.get().on(Corpus.Split.TEST);
        for (Kind k : Kind.ALL) {
            assertThat(test.counts(k, Evaluation.Source.ENGINE).recall())
                    .as(k + " recall with the model beside the word lists")
                    .isGreaterThan(test.counts(k, Evaluation.Source.LEXICON).recall());
        }
    }

    private static void check(List<String> below, String key, double value, Properties floors) {
        String floor = floors.getProperty(key);
        if (floor == null) {
            below.add(key + " has no floor");
        } else if (value < Double.parseDouble(floor)) {
            below.add(String.format("%s %.3f < %s", key, value, floor));
        }
    }
}
