package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training again from the committed corpus gives the committed weights' decisions on the test split. */
class TrainingIsReproducibleTest {
    @Test
    void trainingAgainReproducesTheCommittedDecisionsOnTheTestSplit() {
        CorpusRun run = CorpusRun.get();
        Classifier again = Train.train(run.tier.encoder(), run.examples);
        SemanticTier retrained = SemanticTier.of(run.tier.encoder(), again);
        List<String> differ = new ArrayList<>();
        int tested = 0;
        for (Corpus.Example e : run.examples) {
            if (e.split() != Corpus.Split.TEST) {
                continue;
            }
            tested++;
            if (!CorpusRun.found(retrained, e.text()).equals(run.scored.get(e.id()).engine())) {
                differ.add(e.id());
            }
        }
        assertThat(tested).isGreaterThan(500);
        assertThat(differ).as("test messages whose decisions differ after training again").isEmpty();
        for (Kind k : Kind.ALL) {
            assertThat(again.weights(k).threshold()).as(k + " threshold").isEqualTo(run.tier.classifier().weights(k).threshold());
        }
    }
}
