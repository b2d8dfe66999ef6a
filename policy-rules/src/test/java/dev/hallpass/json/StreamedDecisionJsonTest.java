package dev.hallpass.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.Reason;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Outcome;
import dev.hallpass.PolicyEngine;
import dev.hallpass.corpus.Corpus;
import dev.hallpass.fixtures.Engines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DecisionJson writes a decision by streaming it; the text is the one the tree it used to build gives. */
final class StreamedDecisionJsonTest {
    @Test
    void everyCorpusDecisionIsWrittenExactlyAsTheTreeWritesIt() {
        PolicyEngine engine = Engines.defaults();
        List<Corpus.Labelled> cases = new ArrayList<>(Corpus.all());
        cases.addAll(Corpus.in(Corpus.HOLDOUT));
        int withRewrite = 0;
        int withAttachment = 0;
        for (Corpus.Labelled c : cases) {
            Decision d = engine.evaluate(c.policyCase().message());
            String streamed = DecisionJson.toJson(d);
            assertThat(streamed).as(c.label()).isEqualTo(DecisionJson.viaTree(d));
            withRewrite += d.rewrite() != null ? 1 : 0;
            withAttachment += streamed.contains("\"attachment\":") ? 1 : 0;
        }
        assertThat(cases).hasSizeGreaterThan(800);
        assertThat(withRewrite).as("decisions with a rewrite").isGreaterThan(10);
        assertThat(withAttachment).as("decisions with attachment evidence").isGreaterThan(5);
    }

    @Test
    void aScoredShadowReasonIsWrittenExactlyAsTheTreeWritesIt() {
        // What the corpus without the semantic tier never produces: a score, shadow, an attachment.
        Evidence scored = new Evidence(FindingKind.CHILD_NAME, 20, 26, null, "CHILD_NAME", 0.98765);
        Evidence photo = new Evidence(FindingKind.PHOTO, null, null, 0, "PHOTO", null);
        Reason reason = new Reason("4.12", Outcome.WARN, null, "tip \"quoted\" \u00e9\u2028", List.of(scored, photo), List.of(), true);
        Decision d = new Decision("m-\u00e9", Outcome.ALLOW, null, List.of(reason), List.of());
        String streamed = DecisionJson.toJson(d);
        assertThat(streamed).contains("\"score\":0.988", "\"shadow\":true", "\"attachment\":0");
        assertThat(streamed).isEqualTo(DecisionJson.viaTree(d));
    }
}
