package dev.hallpass;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

final class CombinerTest {
    private static final Catalogue CATALOGUE = Catalogue.parse("""
            clauses:
              - {id: "3.1.1", status: enforced, tip: "school stories (policy 3.1.1)"}
              - {id: "4.2", status: enforced, tip: "call {school.phone} (policy 4.2)"}
              - {id: "4.3", status: enforced, tip: "thanks (policy 4.3)"}
              - {id: "4.4", status: enforced, tip: "no HLTAs (policy 4.4)"}
              - {id: "4.7", status: enforced, tip: "hours {workingHours} (policy 4.7)"}
              - {id: "4.12", status: enforced, tip: "private chat (policy 4.12)",
                 tips: {EVIDENCE_FOR_LEARNING: "use {evidenceForLearning.name} (policy 4.12)"}}
              - {id: "5.4", status: enforced, tip: "call {schoolOffice.name} on {schoolOffice.phone} (policy 5.4)"}
              - {id: "5.5", status: enforced, tip: "call {nursingTeam.phone} (policy 5.5)"}
            """, "test-clauses.yaml");

    private final Combiner combiner = new Combiner(TestProfiles.minimal(), CATALOGUE);

    @Test
    void no_matches_is_allow_with_no_reasons() {
        Decision d = combiner.combine("m", List.of());
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.redirectTo()).isNull();
    }

    @Test
    void reasons_are_most_severe_first_then_in_clause_order() {
        Decision d = combiner.combine("m", List.of(
                ClauseMatch.warn("4.7"),
                ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT),
                ClauseMatch.redirect("4.2", Route.PHONE_SCHOOL),
                ClauseMatch.block("4.4"),
                ClauseMatch.block("3.1.1")));
        assertThat(d.reasons()).extracting(Reason::clause).containsExactly("3.1.1", "4.4", "4.2", "4.12", "4.7");
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.redirectTo()).as("redirectTo only with a REDIRECT outcome").isNull();
    }

    @Test
    void the_phone_wins_over_private_chat_whatever_the_clause_order() {
        Decision d = combiner.combine("m", List.of(
                ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT),
                ClauseMatch.redirect("5.5", Route.PHONE_NURSING_TEAM),
                ClauseMatch.redirect("5.4", Route.PHONE_SCHOOL_OFFICE)));
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.redirectTo()).isEqualTo(Route.PHONE_NURSING_TEAM);
    }

    @Test
    void obligations_come_from_every_reason() {
        Decision d = combiner.combine("m", List.of(
                ClauseMatch.redirect("4.3", Route.PRIVATE_CHAT).with(Obligation.SAFEGUARDING_REVIEW),
                ClauseMatch.warn("4.7").with(Obligation.DEFER_UNTIL_WORKING_HOURS),
                ClauseMatch.warn("4.7").with(Obligation.DEFER_UNTIL_WORKING_HOURS)));
        assertThat(d.obligations()).containsExactly(Obligation.SAFEGUARDING_REVIEW, Obligation.DEFER_UNTIL_WORKING_HOURS);
    }

    @Test
    void matches_of_one_clause_merge_into_one_reason_with_all_evidence_in_text_order() {
        Decision d = combiner.combine("m", List.of(
                ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT).because(Finding.attachment(FindingKind.PHOTO, 0)),
                ClauseMatch.redirect("4.12", Route.EVIDENCE_FOR_LEARNING).because(Finding.span(FindingKind.CHILD_NAME, 20, 26)),
                ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT).because(Finding.span(FindingKind.CHILD_NAME, 3, 9))));
        assertThat(d.reasons()).hasSize(1);
        Reason r = d.reasons().get(0);
        assertThat(r.redirectTo()).isEqualTo(Route.EVIDENCE_FOR_LEARNING);
        assertThat(r.message()).isEqualTo("use the Evidence for Learning app (policy 4.12)");
        assertThat(r.evidence()).containsExactly(
                Evidence.span(FindingKind.CHILD_NAME, 3, 9),
                Evidence.span(FindingKind.CHILD_NAME, 20, 26),
                Evidence.attachment(FindingKind.PHOTO, 0));
    }

    @Test
    void two_school_lists_finding_the_same_words_are_both_kept_as_evidence() {
        Decision d = combiner.combine("m", List.of(ClauseMatch.warn("4.7")
                .because(Finding.schoolWords("SELLING", 0, 8)).because(Finding.schoolWords("ADVERTS", 0, 8))));
        assertThat(d.reasons().get(0).evidence()).extracting(Evidence::label).containsExactly("ADVERTS", "SELLING");
    }

    @Test
    void tips_are_filled_with_the_profiles_contacts() {
        Decision d = combiner.combine("m", List.of(ClauseMatch.redirect("5.4", Route.PHONE_SCHOOL_OFFICE)));
        assertThat(d.reasons().get(0).message()).isEqualTo("call Dawn Hufton on 01632 960000 (policy 5.4)");
    }

    @Test
    void a_clause_switched_off_in_the_profile_is_never_cited() {
        SchoolProfile off = SchoolProfile.parse(TestProfiles.MINIMAL + "clauses: {\"4.7\": {enabled: false}}\n", "p.yaml");
        Decision d = new Combiner(off, CATALOGUE).combine("m", List.of(ClauseMatch.warn("4.7").with(Obligation.DEFER_UNTIL_WORKING_HOURS)));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.obligations()).isEmpty();
    }

    @Test
    void a_profile_can_soften_a_clauses_outcome() {
        SchoolProfile soft = SchoolProfile.parse(TestProfiles.MINIMAL + "clauses: {\"5.4\": {outcome: WARN}}\n", "p.yaml");
        Decision d = new Combiner(soft, CATALOGUE).combine("m", List.of(ClauseMatch.redirect("5.4", Route.PHONE_SCHOOL_OFFICE)));
        assertThat(d.outcome()).isEqualTo(Outcome.WARN);
        assertThat(d.redirectTo()).isNull();
        assertThat(d.reasons().get(0).redirectTo()).isNull();
    }

    @Test
    void a_profile_can_harden_a_warning_into_a_redirect_with_its_own_route() {
        SchoolProfile hard = SchoolProfile.parse(TestProfiles.MINIMAL
                + "clauses: {\"4.7\": {outcome: REDIRECT, redirectTo: PHONE_SCHOOL}}\n", "p.yaml");
        Decision d = new Combiner(hard, CATALOGUE).combine("m", List.of(ClauseMatch.warn("4.7")));
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.redirectTo()).isEqualTo(Route.PHONE_SCHOOL);
    }

    // ---- the combiner's laws, for any set of matches ----

    private static Gen<ClauseMatch> matches() {
        Gen<String> clauses = arbitrary().pick(List.of("3.1.1", "4.2", "4.3", "4.4", "4.7", "4.12", "5.4", "5.5"));
        Gen<Outcome> outcomes = arbitrary().enumValues(Outcome.class);
        Gen<Route> routes = arbitrary().enumValues(Route.class);
        Gen<Obligation> obligations = arbitrary().enumValues(Obligation.class);
        return clauses.zip(outcomes, routes, obligations, (c, o, r, ob) -> switch (o) {
            case BLOCK -> ClauseMatch.block(c);
            case REDIRECT -> ClauseMatch.redirect(c, r).with(ob);
            case WARN -> ClauseMatch.warn(c).with(ob);
            case ALLOW -> ClauseMatch.allow(c);
        });
    }

    @Test
    void the_decision_is_its_most_severe_match_with_the_first_route_and_every_obligation() {
        qt().forAll(lists().of(matches()).ofSizeBetween(0, 8)).checkAssert(ms -> {
            Decision d = combiner.combine("m", ms);
            Outcome strictest = ms.stream().map(ClauseMatch::outcome).max(Comparator.naturalOrder()).orElse(Outcome.ALLOW);
            assertThat(d.outcome()).isEqualTo(strictest);
            Route first = ms.stream().filter(m -> m.route() != null).map(ClauseMatch::route).min(Comparator.naturalOrder()).orElse(null);
            assertThat(d.redirectTo()).isEqualTo(strictest == Outcome.REDIRECT ? first : null);
            List<Obligation> all = new ArrayList<>();
            ms.forEach(m -> m.obligations().stream().filter(o -> !all.contains(o)).forEach(all::add));
            assertThat(d.obligations()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(d.reasons()).extracting(Reason::clause).doesNotHaveDuplicates();
            assertThat(d.reasons()).isSortedAccordingTo(Comparator.comparing(Reason::outcome, Comparator.reverseOrder())
                    .thenComparing(Reason::clause, Catalogue.CLAUSE_ORDER));
        });
    }

    @Test
    void clause_numbers_sort_part_by_part() {
        List<String> ids = new ArrayList<>(List.of("4.12", "unchecked", "3.2", "4.2", "3.1.2", "10.1", "3.1.10", "6.1"));
        ids.sort(Catalogue.CLAUSE_ORDER);
        assertThat(ids).containsExactly("3.1.2", "3.1.10", "3.2", "4.2", "4.12", "6.1", "10.1", "unchecked");
    }
}
