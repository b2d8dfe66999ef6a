package dev.hallpass;

import dev.hallpass.facts.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hallpass.testkit.Draft;
import dev.hallpass.testkit.PolicyGens;
import dev.hallpass.testkit.PolicyProperties;
import dev.hallpass.testkit.TriggerKind;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The built-in rules under random valid school profiles: hours, timezones, rosters, clause overrides. */
final class RandomSchoolsTest {
    private static final Map<SchoolProfile, PolicyEngine> ENGINES = new ConcurrentHashMap<>();

    private static PolicyEngine engine(SchoolProfile p) {
        return ENGINES.computeIfAbsent(p, k -> PolicyEngine.builder().profile(k).build());
    }

    /** A random school and one of its drafts. */
    private record SchoolDraft(SchoolProfile profile, Draft draft) {}

    /**
     * Profiles composed with the drafts each one allows: one generator, so every example is a new
     * school and a failure shrinks the school and the draft together.
     */
    private static Gen<SchoolDraft> schoolDrafts(Function<SchoolProfile, Gen<Draft>> drafts) {
        return PolicyGens.profiles().<SchoolDraft>flatMap(p -> drafts.apply(p).map(d -> new SchoolDraft(p, d)));
    }

    @Test
    void working_hours_are_the_profiles_own_in_its_own_timezone() {
        qt().withExamples(150).forAll(schoolDrafts(PolicyGens::drafts)).checkAssert(sd -> {
            SchoolProfile profile = sd.profile();
            Decision d = engine(profile).evaluate(sd.draft().message());
            boolean outside = !profile.isWorkingTime(sd.draft().message().sentAt());
            assertThat(d.cites("4.7")).as("%s in %s", sd.draft(), profile.timezone())
                    .isEqualTo(outside && profile.clause("4.7").enabled());
        });
    }

    @Test
    void a_child_on_any_roster_is_never_named_where_many_parents_can_see_unless_the_school_switched_4_12_off() {
        qt().withExamples(100)
                .forAll(schoolDrafts(p -> PolicyGens.drafts(p, PolicyGens.texts(TriggerKind.CHILD_NAME, p))), PolicyGens.manyParentChannels())
                .checkAssert((sd, channel) -> assertThat(engine(sd.profile()).evaluate(sd.draft().in(channel).message()).cites("4.12"))
                        .as("%s", sd.draft()).isEqualTo(sd.profile().clause("4.12").enabled()));
    }

    @Test
    void every_promise_holds_for_a_school_that_switched_clauses_off_and_softened_others() {
        SchoolProfile seed = SchoolProfile.builtIn();
        SchoolProfile custom = seed.toBuilder().clauses(Map.of("4.7", new SchoolProfile.ClauseSetting(false, null, null),
                "5.4", new SchoolProfile.ClauseSetting(true, Outcome.WARN, null))).build();
        PolicyProperties.forEngines(RandomSchoolsTest::engine, custom).withExamples(150).checkAll();
    }
}
