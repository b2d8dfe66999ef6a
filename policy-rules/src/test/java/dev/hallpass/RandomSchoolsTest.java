package dev.hallpass;

import dev.hallpass.facts.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hallpass.testkit.PolicyGens;
import dev.hallpass.testkit.PolicyProperties;
import dev.hallpass.testkit.TriggerKind;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in rules under random valid school profiles: hours, timezones, rosters, clause overrides. */
final class RandomSchoolsTest {
    private static final Map<SchoolProfile, PolicyEngine> ENGINES = new ConcurrentHashMap<>();

    private static PolicyEngine engine(SchoolProfile p) {
        return ENGINES.computeIfAbsent(p, k -> PolicyEngine.builder().profile(k).build());
    }

    @Test
    void working_hours_are_the_profiles_own_in_its_own_timezone() {
        qt().withExamples(12).forAll(PolicyGens.profiles()).checkAssert(profile -> {
            boolean deferOn = profile.clause("4.7").enabled();
            qt().withExamples(40).forAll(PolicyGens.drafts(profile)).checkAssert(draft -> {
                Decision d = engine(profile).evaluate(draft.message());
                boolean outside = !profile.isWorkingTime(draft.message().sentAt());
                assertThat(d.cites("4.7")).as("%s in %s", draft, profile.timezone()).isEqualTo(outside && deferOn);
            });
        });
    }

    @Test
    void a_child_on_any_roster_is_never_named_where_many_parents_can_see_unless_the_school_switched_4_12_off() {
        qt().withExamples(10).forAll(PolicyGens.profiles()).checkAssert(profile -> {
            qt().withExamples(30).forAll(PolicyGens.drafts(profile, PolicyGens.texts(TriggerKind.CHILD_NAME, profile)), PolicyGens.manyParentChannels())
                    .checkAssert((draft, channel) -> assertThat(engine(profile).evaluate(draft.in(channel).message()).cites("4.12"))
                            .as("%s", draft).isEqualTo(profile.clause("4.12").enabled()));
        });
    }

    @Test
    void every_promise_holds_for_a_school_that_switched_clauses_off_and_softened_others() {
        SchoolProfile seed = SchoolProfile.builtIn();
        SchoolProfile custom = seed.toBuilder().clauses(Map.of("4.7", new SchoolProfile.ClauseSetting(false, null, null),
                "5.4", new SchoolProfile.ClauseSetting(true, Outcome.WARN, null))).build();
        PolicyProperties.forEngines(RandomSchoolsTest::engine, custom).withExamples(150).checkAll();
    }
}
