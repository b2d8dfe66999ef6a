package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.InvalidProfileException;
import dev.hallpass.PolicyEngine;
import dev.hallpass.SchoolProfile;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Reason;
import dev.hallpass.Sender;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The semantic tier inside the engine: its findings reach the same rules as the word lists'. */
class EngineWithTheSemanticTierTest {
    private static final java.time.Instant TUESDAY_TEN = LocalDateTime.of(2026, 12, 1, 10, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    private final PolicyEngine lexical = PolicyEngine.builder().semanticTier(false).build();
    private final PolicyEngine semantic = PolicyEngine.builder().meaningDetector(SemanticDetector.of(CorpusRun.get().tier)).build();

    private static ProposedMessage privately(String text) {
        return new ProposedMessage("m-1", Channel.PRIVATE_CHAT, new Sender("s-1", Role.PARENT), "oak", text, List.of(), TUESDAY_TEN);
    }

    @Test
    void aPickUpChangeInEverydayWordsGoesToTheOfficeByPhoneOnlyWithTheTier() {
        String text = "I'm on a late shift so her grandad will be at the gate for her tonight";
        assertThat(lexical.evaluate(privately(text)).outcome()).isEqualTo(Outcome.ALLOW);
        Decision d = semantic.evaluate(privately(text));
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.redirectTo()).isEqualTo(Route.PHONE_SCHOOL_OFFICE);
        Reason r = d.reason("5.4").orElseThrow();
        Evidence e = r.evidence().get(0);
        assertThat(text.substring(e.start(), e.end())).isEqualTo(text);
        assertThat(r.score()).as("contract 7.2: the reason carries the score that decided it").isPresent();
        assertThat(r.score().getAsDouble()).isBetween(CorpusRun.get().tier.classifier().weights(Kind.PICKUP_DROPOFF).threshold(), 1.0);
        assertThat(dev.hallpass.json.DecisionJson.toJson(d)).contains("\"clause\":\"5.4\"").contains("\"score\":");
        assertThat(lexical.evaluate(privately("Amy is absent today")).reason("5.4").orElseThrow().score()).isEmpty();
    }

    @Test
    void aConcernInPlainWordsInAPrivateChatCarriesTheSafeguardingReview() {
        Decision d = semantic.evaluate(privately("she's been scratching her arms and won't say why"));
        assertThat(d.cites("4.3")).as("%s", d).isTrue();
        assertThat(d.obligations()).contains(dev.hallpass.facts.Obligation.SAFEGUARDING_REVIEW);
    }

    @Test
    void anEngineBuiltWithTheModuleOnTheClassPathUsesTheTierWithoutBeingAsked() {
        String text = "I'm on a late shift so her grandad will be at the gate for her tonight";
        assertThat(PolicyEngine.builder().build().evaluate(privately(text)).cites("5.4")).isTrue();
    }

    @Test
    void theTierSetsAsideAWordListHitItsClassifierDoesNotConfirm() {
        // "emergency" is a word-list hit for 4.2; the message asks nothing of anyone
        String text = "Total wardrobe emergency this morning, she refused every pair of socks 🙈";
        assertThat(lexical.evaluate(privately(text)).cites("4.2")).as("the word lists' view").isTrue();
        assertThat(semantic.evaluate(privately(text)).cites("4.2")).isFalse();
    }

    @Test
    void aPhraseTheSchoolAddedToAWordListCountsWhateverTheScore() {
        String text = "Total wardrobe emergency this morning, she refused every pair of socks 🙈";
        SchoolProfile own = SchoolProfile.builtIn().toBuilder()
                .words(java.util.Map.of("URGENCY", new SchoolProfile.WordList(List.of("wardrobe emergency"), List.of()))).build();
        PolicyEngine e = PolicyEngine.builder().profile(own).meaningDetector(SemanticDetector.of(CorpusRun.get().tier)).build();
        assertThat(semantic.evaluate(privately(text)).cites("4.2")).isFalse();
        assertThat(e.evaluate(privately(text)).cites("4.2")).isTrue();
    }

    @Test
    void aSchoolsThresholdInTheProfileChangesWhatTheTierFinds() {
        String text = "I'm on a late shift so her grandad will be at the gate for her tonight";
        SchoolProfile strict = SchoolProfile.builtIn().toBuilder()
                .clause("5.4", new SchoolProfile.ClauseSetting(true, null, null, false, 0.999)).build();
        PolicyEngine e = PolicyEngine.builder().profile(strict).meaningDetector(SemanticDetector.of(CorpusRun.get().tier)).build();
        assertThat(e.evaluate(privately(text)).cites("5.4")).isFalse();
    }

    @Test
    void aThresholdOnAClauseTheTierDoesNotClassifyIsAProfileErrorNamingTheField() {
        SchoolProfile p = SchoolProfile.builtIn().toBuilder()
                .clause("4.7", new SchoolProfile.ClauseSetting(true, null, null, false, 0.5)).build();
        assertThatThrownBy(() -> PolicyEngine.builder().profile(p).build())
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("clauses.4.7.threshold: clause 4.7 has no semantic classifier");
    }

    @Test
    void explainShowsEveryScoreBesideItsThresholdAndTheWordListsView() {
        String text = "URGENT!! Her grandad will be at the gate for her tonight";
        dev.hallpass.MeaningReport m = semantic.explain(privately(text)).meaning();
        assertThat(m.scores()).extracting(dev.hallpass.MeaningReport.KindScore::kind)
                .containsExactly("ABSENCE", "APPOINTMENT", "PICKUP_DROPOFF", "MEDICATION_CHANGE", "URGENCY", "SAFEGUARDING", "ABUSE", "PERSONAL_INFO");
        dev.hallpass.MeaningReport.KindScore pickUp = m.scores().get(2);
        assertThat(pickUp.found()).isTrue();
        assertThat(pickUp.score()).isGreaterThanOrEqualTo(pickUp.threshold());
        assertThat(m.scores().get(4).lexical()).containsExactly("URGENCY");
        assertThat(m.readWholeText()).isTrue();
        assertThat(lexical.explain(privately(text)).meaning()).isNull();
    }

    @Test
    void explainSaysWhenTheModelReadOnlyTheStartOfALongText() {
        String text = "We had a lovely weekend at the beach. ".repeat(300);
        dev.hallpass.MeaningReport m = semantic.explain(privately(text)).meaning();
        assertThat(m.readWholeText()).isFalse();
        assertThat(m.scoredChars()).isLessThanOrEqualTo(SemanticTier.MAX_SCORED_CHARS);
        assertThat(dev.hallpass.json.DecisionJson.toJson(semantic.explain(privately(text))))
                .contains("\"note\":\"the model read the first " + m.scoredChars() + " of " + text.length());
    }

    @Test
    void anOrdinaryThankYouIsStillAllowed() {
        assertThat(semantic.evaluate(privately("Thank you so much for the lovely class assembly this morning!")).outcome())
                .isEqualTo(Outcome.ALLOW);
    }
}
