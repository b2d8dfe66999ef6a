package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.PolicyEngine;
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
    private final PolicyEngine lexical = PolicyEngine.builder().build();
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
    }

    @Test
    void aConcernInPlainWordsInAPrivateChatCarriesTheSafeguardingReview() {
        Decision d = semantic.evaluate(privately("she's been scratching her arms and won't say why"));
        assertThat(d.cites("4.3")).as("%s", d).isTrue();
        assertThat(d.obligations()).contains(dev.hallpass.facts.Obligation.SAFEGUARDING_REVIEW);
    }

    @Test
    void anOrdinaryThankYouIsStillAllowed() {
        assertThat(semantic.evaluate(privately("Thank you so much for the lovely class assembly this morning!")).outcome())
                .isEqualTo(Outcome.ALLOW);
    }
}
