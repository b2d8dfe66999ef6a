package dev.hallpass.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hallpass.Decision;
import dev.hallpass.PolicyEngine;
import dev.hallpass.fixtures.Engines;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every labelled case, as its own test: the decision meets the case's expectations. */
final class CorpusTest {
    private final PolicyEngine engine = Engines.defaults();

    @TestFactory
    Stream<DynamicTest> every_labelled_case_gets_the_decision_it_expects() {
        return Corpus.all().stream().map(c -> dynamicTest(c.label(), () -> {
            Decision d = engine.evaluate(c.policyCase().message());
            List<String> diffs = c.policyCase().check(d);
            if (c.knownGap() != null) {
                assertThat(diffs).as("%s is marked as a known gap but now passes: remove the mark", c.label()).isNotEmpty();
                return;
            }
            assertThat(diffs).as("%s%n  decision: %s %s %s", c.label(), d.outcome(), d.redirectTo(),
                    d.reasons().stream().map(r -> r.clause()).toList()).isEmpty();
        }));
    }
}
