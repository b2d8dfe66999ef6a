package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.fixtures.Messages;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.testkit.PolicyGens;
import dev.hallpass.testkit.TriggerKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A school changes what clauses decide from its profile alone, without touching a rule file. */
final class ProfileOverridesTest {
    private static String seedYamlWith(String clauses) {
        try (InputStream in = ProfileOverridesTest.class.getClassLoader().getResourceAsStream("hallpass/default-profile.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("clauses: {}", "clauses: " + clauses);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PolicyEngine engineWith(String clauses) {
        return PolicyEngine.builder().profile(SchoolProfile.parse(seedYamlWith(clauses), "school.yaml")).build();
    }

    @Test
    void switching_5_4_to_warn_makes_every_absence_a_warning_citing_5_4() {
        PolicyEngine engine = engineWith("{\"5.4\": {outcome: WARN}}");
        SchoolProfile p = engine.profile();
        qt().withExamples(200).forAll(PolicyGens.drafts(p, PolicyGens.texts(TriggerKind.ABSENCE, p)))
                .checkAssert(draft -> {
                    Decision d = engine.evaluate(draft.message());
                    if (draft.message().sender().role() == Role.PARENT) {
                        assertThat(d.reason("5.4")).as("%s", draft).hasValueSatisfying(r -> {
                            assertThat(r.outcome()).isEqualTo(Outcome.WARN);
                            assertThat(r.redirectTo()).isNull();
                        });
                    }
                    assertThat(d.redirectTo()).as("%s", draft).isNotEqualTo(Route.PHONE_SCHOOL_OFFICE);
                });
    }

    @Test
    void switching_4_7_off_stops_every_4_7_reason() {
        PolicyEngine engine = engineWith("{\"4.7\": {enabled: false}}");
        SchoolProfile p = engine.profile();
        qt().withExamples(300).forAll(PolicyGens.drafts(p).zip(PolicyGens.outsideWorkingTimes(p), (d, t) -> d))
                .checkAssert(draft -> {
                    Decision d = engine.evaluate(draft.message());
                    assertThat(d.cites("4.7")).as("%s", draft).isFalse();
                    assertThat(d.obligations()).doesNotContain(Obligation.DEFER_UNTIL_WORKING_HOURS);
                });
        assertThat(engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks!", Messages.at(2026, 11, 28, 10, 0))).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_clause_in_shadow_mode_is_reported_marked_but_changes_nothing() throws IOException {
        PolicyEngine enforced = PolicyEngine.builder().build();
        PolicyEngine shadowed = engineWith("{\"4.12\": {mode: shadow}}");
        ProposedMessage m = Messages.message(Channel.CLASS_CHAT, Role.PARENT, "Has anyone seen Amelia's coat?");
        Decision e = enforced.evaluate(m);
        Decision s = shadowed.evaluate(m);
        assertThat(e.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(s.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(s.redirectTo()).isNull();
        assertThat(s.reason("4.12")).hasValueSatisfying(r -> {
            assertThat(r.shadow()).isTrue();
            assertThat(r.outcome()).isEqualTo(Outcome.REDIRECT);
            assertThat(r.redirectTo()).isEqualTo(Route.PRIVATE_CHAT);
        });
        var json = new ObjectMapper().readTree(DecisionJson.toJson(s));
        assertThat(json.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(json.get("reasons").get(0).get("shadow").asBoolean()).isTrue();
        assertThat(new ObjectMapper().readTree(DecisionJson.toJson(e)).get("reasons").get(0).has("shadow")).isFalse();
    }

    @Test
    void shadow_reasons_come_after_enforced_ones_and_add_no_obligation() {
        PolicyEngine shadowed = engineWith("{\"4.7\": {mode: shadow}}");
        Decision d = shadowed.evaluate(Messages.message(Channel.CLASS_CHAT, Role.PARENT, "Has anyone seen Amelia's coat?",
                Messages.at(2026, 11, 28, 10, 0)));
        assertThat(d.reasons()).extracting(Reason::clause).containsExactly("4.12", "4.7");
        assertThat(d.obligations()).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
    }

    @Test
    void a_school_clause_of_its_own_is_cited_like_the_built_in_ones() {
        String clauses = """
                clauses:
                  - id: "6.1"
                    title: No selling or advertising in class chat
                    text: Please do not sell or advertise in class chat.
                    status: enforced
                    rules: [clause-6.1-no-selling.drl]
                    tip: "Class chat isn't the place to sell or advertise (policy 6.1). Ask {schoolOffice.name} about the noticeboard."
                """;
        String rule = """
                package dev.hallpass.rules;
                import dev.hallpass.facts.Channel;
                import dev.hallpass.facts.Route;
                import dev.hallpass.facts.*;
                rule "6.1 selling in class chat" @clause("6.1")
                when
                    Message( channel == Channel.CLASS_CHAT )
                    $f : Finding( kind == FindingKind.SCHOOL_WORDS, label == "SELLING" )
                then
                    insert(ClauseMatch.redirect("6.1", Route.PRIVATE_CHAT).because($f));
                end
                """;
        SchoolProfile p = SchoolProfile.parse(seedYamlWith("{}\nwords: {SELLING: {add: [\"for sale\", \"£5 each\"]}}"), "school.yaml");
        PolicyEngine engine = PolicyEngine.builder().profile(p).clauses("clauses.yaml", clauses).rule("clause-6.1-no-selling.drl", rule).build();
        String text = "Lovely bike for sale, hardly used";
        Decision d = engine.evaluate(Messages.message(Channel.CLASS_CHAT, Role.PARENT, text));
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.reason("6.1")).hasValueSatisfying(r -> {
            assertThat(r.message()).isEqualTo("Class chat isn't the place to sell or advertise (policy 6.1). Ask Dawn Hufton or school staff about the noticeboard.");
            assertThat(r.evidence()).singleElement().satisfies(e -> {
                assertThat(e.label()).isEqualTo("SELLING");
                assertThat(text.substring(e.start(), e.end())).isEqualTo("for sale");
            });
        });
        assertThat(engine.clauses()).extracting(Clause::id).endsWith("5.5", "6.1");
        assertThat(engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, text)).cites("6.1")).isFalse();
    }
}
