package dev.hallpass;

import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hallpass.fixtures.Engines;
import dev.hallpass.testkit.Draft;
import dev.hallpass.testkit.PolicyGens;
import dev.hallpass.testkit.PolicyProperties;
import dev.hallpass.testkit.TriggerKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The built-in policy keeps every promise of the test kit, plus the clause-specific ones. */
final class EngineInvariantsTest {
    private static final SchoolProfile SEED = SchoolProfile.builtIn();
    private final PolicyEngine engine = Engines.defaults();

    @TestFactory
    Stream<DynamicTest> the_built_in_policy_keeps_every_promise_of_the_test_kit() {
        return PolicyProperties.forEngines(p -> p == SEED ? Engines.defaults() : PolicyEngine.builder().profile(p).build(), SEED)
                .withExamples(400)
                .tests();
    }

    @Test
    void a_roster_name_wherever_many_parents_can_see_is_redirected_citing_4_12() {
        qt().withExamples(400).forAll(PolicyGens.drafts(SEED, PolicyGens.texts(TriggerKind.CHILD_NAME, SEED)), PolicyGens.manyParentChannels())
                .checkAssert((draft, channel) -> {
                    Decision d = engine.evaluate(draft.in(channel).message());
                    assertThat(d.outcome()).as("%s", draft).isIn(Outcome.REDIRECT, Outcome.BLOCK);
                    assertThat(d.reason("4.12")).as("%s", draft).hasValueSatisfying(r -> {
                        assertThat(r.outcome()).isEqualTo(Outcome.REDIRECT);
                        assertThat(r.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(dev.hallpass.facts.FindingKind.CHILD_NAME));
                    });
                });
    }

    @Test
    void a_negated_urgency_never_cites_4_2() {
        qt().withExamples(400).forAll(PolicyGens.drafts(SEED, PolicyGens.texts(TriggerKind.NEGATED_URGENCY, SEED)))
                .checkAssert((Draft draft) -> assertThat(engine.evaluate(draft.message()).cites("4.2")).as("%s", draft).isFalse());
    }

    @Test
    void an_urgent_parent_message_always_cites_4_2() {
        qt().withExamples(300).forAll(PolicyGens.drafts(SEED, PolicyGens.texts(TriggerKind.URGENCY, SEED)))
                .checkAssert((Draft draft) -> {
                    boolean parent = draft.message().sender().role() == Role.PARENT;
                    assertThat(engine.evaluate(draft.message()).cites("4.2")).as("%s", draft).isEqualTo(parent);
                });
    }
}
