package dev.hallpass;

import static dev.hallpass.fixtures.Messages.at;
import static dev.hallpass.fixtures.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import dev.hallpass.fixtures.Engines;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.testkit.PolicyGens;
import dev.hallpass.testkit.TriggerKind;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract §7.2 on the seed school: one summary tip, a checked rewrite, the policy digest. */
final class DecisionSummaryTest {
    private static final SchoolProfile SEED = SchoolProfile.builtIn();
    private final PolicyEngine engine = Engines.defaults();

    @Test
    void an_hlta_posting_a_class_story_is_told_only_that_hltas_have_no_access() {
        Decision d = engine.evaluate(message(Channel.CLASS_STORY, Role.HLTA, "Lovely work today everyone"));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.reasons()).extracting(Reason::clause).contains("3.1.2", "4.4");
        assertThat(d.message()).isEqualTo(d.reason("4.4").orElseThrow().message()).doesNotContain("class chat");
    }

    @Test
    void a_message_on_a_closed_date_is_told_the_school_is_closed_not_that_it_is_outside_working_hours() {
        Decision d = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks for a lovely term", at(2026, 12, 22, 10, 15)));
        assertThat(d.outcome()).isEqualTo(Outcome.WARN);
        assertThat(d.message()).contains("closed on Tuesday 22 December").doesNotContain("outside").doesNotContain("8:00");
        Decision evening = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks for a lovely term", at(2026, 11, 24, 19, 0)));
        assertThat(evening.message()).contains("outside school working hours").doesNotContain("closed");
    }

    @Test
    void a_safeguarding_concern_out_of_hours_is_passed_on_now_and_only_delivery_to_the_teacher_waits() {
        Decision d = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT,
                "I have a safeguarding concern about something I saw at the gate", at(2026, 11, 24, 21, 0)));
        assertThat(d.obligations()).contains(Obligation.SAFEGUARDING_REVIEW, Obligation.DEFER_UNTIL_WORKING_HOURS);
        assertThat(d.message()).contains("passed to the school's safeguarding procedure now", "delivery to the teacher waits")
                .doesNotContain("straight away").doesNotContain("Your message will be seen");
    }

    @Test
    void several_redirects_collapse_to_the_one_route_the_decision_takes() {
        Decision d = engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT,
                "Amelia is off sick today with a temperature, and her new inhaler dose is 2 puffs"));
        assertThat(d.reasons()).extracting(Reason::redirectTo).contains(Route.PHONE_NURSING_TEAM, Route.PHONE_SCHOOL_OFFICE, Route.PRIVATE_CHAT);
        assertThat(d.redirectTo()).isEqualTo(Route.PHONE_NURSING_TEAM);
        assertThat(d.message()).startsWith("Please call " + SEED.contacts().nursingTeam().name() + " on " + SEED.contacts().nursingTeam().phone())
                .doesNotContain("private chat").doesNotContain(SEED.contacts().schoolOffice().name()).doesNotContain("Amelia");
    }

    @Test
    void an_allowed_message_has_no_summary_and_no_rewrite() {
        Decision d = engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Is the cake sale still on Friday?"));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.message()).isNull();
        assertThat(d.rewrite()).isNull();
        assertThat(DecisionJson.toJson(d)).doesNotContain("\"message\":\"").doesNotContain("rewrite").contains("\"policyDigest\":\"sha256:");
    }

    @Test
    void a_class_chat_post_whose_only_problem_is_a_name_and_a_number_is_offered_an_allowed_rewrite() {
        String text = "Call me on 07700 900123 if Amelia and Noah want to play";
        Decision d = engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, text));
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.rewrite()).isNotNull();
        assertThat(d.rewrite().text()).isEqualTo("Call me on [phone number] if the children want to play");
        assertThat(d.rewrite().replaced()).extracting(Evidence::kind)
                .containsExactly(FindingKind.PHONE_NUMBER, FindingKind.CHILD_NAME, FindingKind.CHILD_NAME);
        assertThat(d.rewrite().replaced().get(1)).satisfies(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo("Amelia"));
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, d.rewrite().text())).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(DecisionJson.toJson(d)).contains("\"rewrite\":{\"text\":\"Call me on [phone number] if the children want to play\","
                + "\"replaced\":[{\"kind\":\"PHONE_NUMBER\",\"start\":11,\"end\":23}");
    }

    @Test
    void a_text_over_ten_thousand_characters_is_offered_no_rewrite_so_a_long_message_is_evaluated_once() {
        String post = "Does anyone know if Amelia left her coat?";
        String padding = " Thank you.".repeat((Rewriter.MAX_TEXT - post.length()) / 11);
        String atLimit = post + padding + " ".repeat(Rewriter.MAX_TEXT - post.length() - padding.length());
        assertThat(atLimit).hasSize(Rewriter.MAX_TEXT);
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, atLimit)).rewrite()).isNotNull();
        Decision over = engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, atLimit + "!"));
        assertThat(over.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(over.rewrite()).isNull();
    }

    @Test
    void a_name_that_starts_a_sentence_is_replaced_with_a_capital() {
        Decision d = engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Amelia had a lovely time. Noah did too!"));
        assertThat(d.rewrite()).isNotNull();
        assertThat(d.rewrite().text()).isEqualTo("My child had a lovely time. My child did too!");
        Decision staff = engine.evaluate(message(Channel.CLASS_CHAT, Role.TEACHER, "Well done to Amelia for her reading"));
        assertThat(staff.rewrite()).isNotNull();
        assertThat(staff.rewrite().text()).isEqualTo("Well done to a pupil for her reading");
    }

    @Test
    void no_rewrite_is_offered_when_another_problem_remains_or_in_a_private_chat() {
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Amelia has been diagnosed with asthma")).rewrite())
                .as("health stays after the name goes").isNull();
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Does anyone know if Amelia left her coat?", at(2026, 11, 24, 20, 0)))
                .rewrite()).as("out of hours: 4.7 is not about names").isNull();
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Call me on 07700 900123 about Amelia")).rewrite()).isNull();
    }

    @Test
    void a_name_alone_in_a_shared_channel_in_working_hours_is_always_offered_a_rewrite_when_names_are_its_only_problem() {
        List<String> missed = new ArrayList<>();
        int[] offered = {0};
        qt().withExamples(300).forAll(PolicyGens.drafts(SEED, PolicyGens.texts(TriggerKind.CHILD_NAME, SEED)), PolicyGens.manyParentChannels())
                .checkAssert((draft, channel) -> {
                    var m = draft.in(channel).message();
                    var local = m.sentAt().atZone(SEED.timezone());
                    if (!SEED.isWorkingTime(m.sentAt()) || !m.attachments().isEmpty()) {
                        return;
                    }
                    Decision d = engine.evaluate(m);
                    boolean onlyNames = d.reasons().stream().filter(r -> r.outcome() != Outcome.ALLOW)
                            .allMatch(r -> !r.evidence().isEmpty() && r.evidence().stream().allMatch(e -> e.kind() == FindingKind.CHILD_NAME));
                    if (onlyNames && d.outcome() != Outcome.ALLOW && d.rewrite() == null) {
                        missed.add(m.text() + " @" + local);
                    } else if (d.rewrite() != null) {
                        offered[0]++;
                    }
                });
        assertThat(missed).as("name-only posts with no rewrite").isEmpty();
        assertThat(offered[0]).as("rewrites offered among 300 drafts").isGreaterThanOrEqualTo(30);
    }

    @Test
    void engines_built_from_the_same_inputs_share_a_digest_and_any_change_moves_it() {
        String seed = engine.policyDigest();
        assertThat(seed).matches("sha256:[0-9a-f]{64}");
        assertThat(PolicyEngine.builder().build().policyDigest()).isEqualTo(seed);
        SchoolProfile.WorkingHours h = SEED.workingHours();
        List<DayOfWeek> reversed = new ArrayList<>(h.days());
        reversed.sort(java.util.Comparator.reverseOrder());
        SchoolProfile sameDaysOtherOrder = SEED.toBuilder()
                .workingHours(new SchoolProfile.WorkingHours(new java.util.LinkedHashSet<>(reversed), h.start(), h.end())).build();
        assertThat(PolicyEngine.builder().profile(sameDaysOtherOrder).build().policyDigest()).isEqualTo(seed);
        Set<String> digests = new java.util.HashSet<>(Set.of(seed));
        digests.add(PolicyEngine.builder().profile(SEED.toBuilder().notNames(List.of("Holly Lodge Park")).build()).build().policyDigest());
        digests.add(PolicyEngine.builder().profile(SEED.toBuilder().clause("4.7", new SchoolProfile.ClauseSetting(false, null, null)).build())
                .build().policyDigest());
        digests.add(PolicyEngine.builder().rule("clause-9.9-extra.drl", "package hallpass.school\n").build().policyDigest());
        digests.add(PolicyEngine.builder().maxTextLength(1000).build().policyDigest());
        assertThat(digests).hasSize(5);
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "Hello")).policyDigest()).isEqualTo(seed);
    }
}
