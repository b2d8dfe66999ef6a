package dev.hallpass;

import dev.hallpass.fixtures.Profiles;
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
import org.junit.jupiter.api.Nested;
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

    private final Combiner combiner = new Combiner(Profiles.testSchool(), CATALOGUE);

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
        SchoolProfile off = SchoolProfile.parse(Profiles.TEST_SCHOOL + "clauses: {\"4.7\": {enabled: false}}\n", "p.yaml");
        Decision d = new Combiner(off, CATALOGUE).combine("m", List.of(ClauseMatch.warn("4.7").with(Obligation.DEFER_UNTIL_WORKING_HOURS)));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.obligations()).isEmpty();
    }

    @Test
    void a_profile_can_soften_a_clauses_outcome() {
        SchoolProfile soft = SchoolProfile.parse(Profiles.TEST_SCHOOL + "clauses: {\"5.4\": {outcome: WARN}}\n", "p.yaml");
        Decision d = new Combiner(soft, CATALOGUE).combine("m", List.of(ClauseMatch.redirect("5.4", Route.PHONE_SCHOOL_OFFICE)));
        assertThat(d.outcome()).isEqualTo(Outcome.WARN);
        assertThat(d.redirectTo()).isNull();
        assertThat(d.reasons().get(0).redirectTo()).isNull();
    }

    @Test
    void a_profile_can_harden_a_warning_into_a_redirect_with_its_own_route() {
        SchoolProfile hard = SchoolProfile.parse(Profiles.TEST_SCHOOL
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

    /**
     * The combiner's finer points, each a behaviour a plausible wrong implementation would break:
     * how one clause's matches merge, how a school's clause settings pick the route, the order of
     * evidence, and what a shadow clause may and may not change. Tips here are plain text, so a
     * test names exactly the tip it expects.
     */
    @Nested
    final class FinerPoints {
        private static final Catalogue FINE_CATALOGUE = Catalogue.parse("""
                clauses:
                  - {id: "4.2", status: enforced, tip: "call the school (policy 4.2)"}
                  - {id: "4.4", status: enforced, tip: "no HLTAs (policy 4.4)"}
                  - {id: "4.7", status: enforced, tip: "hours (policy 4.7)"}
                  - {id: "4.12", status: enforced, tip: "private chat (policy 4.12)",
                     tips: {EVIDENCE_FOR_LEARNING: "use the app (policy 4.12)", PHONE_SCHOOL: "ring us (policy 4.12)"}}
                  - {id: "5.4", status: enforced, tip: "call the office (policy 5.4)"}
                """, "mutation-clauses.yaml");

        private static Combiner combiner(String clauses) {
            SchoolProfile profile = clauses.isEmpty()
                    ? Profiles.testSchool()
                    : SchoolProfile.parse(Profiles.TEST_SCHOOL + "clauses: " + clauses + "\n", "p.yaml");
            return new Combiner(profile, FINE_CATALOGUE);
        }

        // ------------------------------------------------- one clause, many matches

        @Test
        void a_clause_takes_the_strictest_outcome_of_its_matches_in_any_order() {
            for (List<ClauseMatch> ms : List.of(
                    List.of(ClauseMatch.warn("4.7"), ClauseMatch.block("4.7"), ClauseMatch.allow("4.7")),
                    List.of(ClauseMatch.block("4.7"), ClauseMatch.warn("4.7")))) {
                Decision d = combiner("").combine("m", ms);
                assertThat(d.reasons()).singleElement().extracting(Reason::outcome).isEqualTo(Outcome.BLOCK);
                assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
            }
        }

        @Test
        void a_clause_whose_matches_only_allow_is_cited_but_allows() {
            Decision d = combiner("").combine("m", List.of(ClauseMatch.allow("4.7")));
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.redirectTo()).isNull();
            assertThat(d.reasons()).extracting(Reason::clause).containsExactly("4.7");
            assertThat(d.reasons().get(0).redirectTo()).isNull();
        }

        @Test
        void a_clause_redirects_by_the_first_route_of_its_matches_whatever_their_order() {
            for (List<ClauseMatch> ms : List.of(
                    List.of(ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT), ClauseMatch.redirect("4.12", Route.PHONE_SCHOOL),
                            ClauseMatch.redirect("4.12", Route.EVIDENCE_FOR_LEARNING)),
                    List.of(ClauseMatch.redirect("4.12", Route.PHONE_SCHOOL), ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT)))) {
                Reason r = combiner("").combine("m", ms).reasons().get(0);
                assertThat(r.redirectTo()).isEqualTo(Route.PHONE_SCHOOL);
                assertThat(r.message()).as("the tip for the route chosen").isEqualTo("ring us (policy 4.12)");
            }
        }

        @Test
        void a_redirect_outweighs_a_warning_of_the_same_clause_and_keeps_its_route() {
            Decision d = combiner("").combine("m", List.of(ClauseMatch.warn("4.12"), ClauseMatch.redirect("4.12", Route.EVIDENCE_FOR_LEARNING)));
            assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
            assertThat(d.redirectTo()).isEqualTo(Route.EVIDENCE_FOR_LEARNING);
            assertThat(d.reasons().get(0).message()).isEqualTo("use the app (policy 4.12)");
        }

        @Test
        void a_route_of_a_match_is_dropped_when_the_clause_blocks() {
            Decision d = combiner("").combine("m", List.of(ClauseMatch.redirect("4.4", Route.PHONE_SCHOOL), ClauseMatch.block("4.4")));
            assertThat(d.reasons().get(0).redirectTo()).isNull();
            assertThat(d.redirectTo()).isNull();
        }

        // ---------------------------------------------------- school settings

        @Test
        void a_clause_made_to_redirect_keeps_the_route_of_its_rule() {
            Decision d = combiner("{\"4.2\": {outcome: REDIRECT}}").combine("m", List.of(
                    ClauseMatch.warn("4.2"), ClauseMatch.redirect("4.2", Route.PHONE_SCHOOL)));
            assertThat(d.redirectTo()).isEqualTo(Route.PHONE_SCHOOL);
        }

        @Test
        void a_clause_made_to_redirect_with_no_route_anywhere_goes_to_private_chat() {
            Decision d = combiner("{\"4.7\": {outcome: REDIRECT}}").combine("m", List.of(ClauseMatch.warn("4.7")));
            assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
            assertThat(d.redirectTo()).isEqualTo(Route.PRIVATE_CHAT);
            assertThat(d.reasons().get(0).redirectTo()).isEqualTo(Route.PRIVATE_CHAT);
        }

        @Test
        void a_clause_not_in_the_catalogue_is_cited_with_an_empty_tip() {
            Decision d = combiner("").combine("m", List.of(ClauseMatch.warn("9.9")));
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.clause()).isEqualTo("9.9");
                assertThat(r.message()).isEmpty();
            });
        }

        @Test
        void only_the_switched_off_clause_is_dropped() {
            Decision d = combiner("{\"4.7\": {enabled: false}}").combine("m", List.of(
                    ClauseMatch.warn("4.7").with(Obligation.DEFER_UNTIL_WORKING_HOURS), ClauseMatch.block("4.4")));
            assertThat(d.reasons()).extracting(Reason::clause).containsExactly("4.4");
            assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
            assertThat(d.obligations()).isEmpty();
        }

        // ------------------------------------------------------------ evidence

        @Test
        void evidence_is_text_spans_by_start_end_and_kind_then_attachments_by_index_without_repeats() {
            Finding photo1 = Finding.attachment(FindingKind.PHOTO, 1);
            Finding photo0 = Finding.attachment(FindingKind.PHOTO, 0);
            Finding video0 = Finding.attachment(FindingKind.VIDEO, 0);
            Finding longName = Finding.span(FindingKind.CHILD_NAME, 3, 9);
            Finding shortName = Finding.span(FindingKind.CHILD_NAME, 3, 5);
            Finding phone = Finding.span(FindingKind.PHONE_NUMBER, 3, 5);
            Finding late = Finding.span(FindingKind.CHILD_NAME, 10, 12);
            Decision d = combiner("").combine("m", List.of(
                    ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT).because(photo1).because(late).because(phone),
                    ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT).because(video0).because(longName).because(photo0),
                    ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT).because(shortName).because(late).because(photo1)));
            assertThat(d.reasons().get(0).evidence()).containsExactly(
                    Evidence.span(FindingKind.CHILD_NAME, 3, 5),
                    Evidence.span(FindingKind.PHONE_NUMBER, 3, 5),
                    Evidence.span(FindingKind.CHILD_NAME, 3, 9),
                    Evidence.span(FindingKind.CHILD_NAME, 10, 12),
                    Evidence.attachment(FindingKind.PHOTO, 0),
                    Evidence.attachment(FindingKind.VIDEO, 0),
                    Evidence.attachment(FindingKind.PHOTO, 1));
        }

        @Test
        void obligations_of_one_clause_are_kept_in_the_order_first_seen_without_repeats() {
            Decision d = combiner("").combine("m", List.of(
                    ClauseMatch.warn("4.7").with(Obligation.DEFER_UNTIL_WORKING_HOURS),
                    ClauseMatch.redirect("4.7", Route.PRIVATE_CHAT).with(Obligation.SAFEGUARDING_REVIEW).with(Obligation.DEFER_UNTIL_WORKING_HOURS)));
            assertThat(d.reasons().get(0).obligations())
                    .containsExactly(Obligation.DEFER_UNTIL_WORKING_HOURS, Obligation.SAFEGUARDING_REVIEW);
        }

        // --------------------------------------------------------------- shadow

        @Test
        void a_shadow_clause_is_reported_last_and_changes_nothing_in_the_decision() {
            Decision d = combiner("{\"4.4\": {mode: shadow}}").combine("m", List.of(
                    ClauseMatch.block("4.4").with(Obligation.SAFEGUARDING_REVIEW),
                    ClauseMatch.warn("4.7")));
            assertThat(d.outcome()).isEqualTo(Outcome.WARN);
            assertThat(d.redirectTo()).isNull();
            assertThat(d.obligations()).isEmpty();
            assertThat(d.reasons()).extracting(Reason::clause).containsExactly("4.7", "4.4");
            assertThat(d.reasons()).extracting(Reason::shadow).containsExactly(false, true);
        }

        @Test
        void a_shadow_redirect_does_not_set_the_route() {
            Decision d = combiner("{\"4.2\": {mode: shadow}}").combine("m", List.of(
                    ClauseMatch.redirect("4.2", Route.PHONE_SCHOOL), ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT)));
            assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
            assertThat(d.redirectTo()).isEqualTo(Route.PRIVATE_CHAT);
            assertThat(d.reasons()).extracting(Reason::clause).containsExactly("4.12", "4.2");
        }

        @Test
        void a_message_with_only_shadow_reasons_is_allowed() {
            Decision d = combiner("{\"4.4\": {mode: shadow}, \"4.2\": {mode: shadow}}").combine("m", List.of(
                    ClauseMatch.redirect("4.2", Route.PHONE_SCHOOL), ClauseMatch.block("4.4")));
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.redirectTo()).isNull();
            assertThat(d.reasons()).extracting(Reason::clause).as("shadow reasons most severe first too").containsExactly("4.4", "4.2");
        }

        @Test
        void the_decision_outcome_is_the_strictest_reason_even_when_reasons_arrive_unsorted() {
            Reason warn = new Reason("4.7", Outcome.WARN, null, "", List.of(), List.of(), false);
            Reason block = new Reason("4.4", Outcome.BLOCK, null, "", List.of(), List.of(), false);
            assertThat(Combiner.decide("m", List.of(warn, block)).outcome()).isEqualTo(Outcome.BLOCK);
        }
    }
}
