package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import dev.hallpass.fixtures.Messages;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How the engine treats a meaning detector's findings and failures (the semantic tier's contract). */
class MeaningDetectorTest {
    private static PolicyEngine with(Function<String, List<Finding>> findings) {
        return PolicyEngine.builder().meaningDetector(new MeaningDetector() {
            @Override
            public List<Finding> findings(String text) {
                return findings.apply(text);
            }

            @Override
            public String digest() {
                return "test";
            }
        }).build();
    }

    /** A parent's message in which the meaning detector finds {@code kind} over the whole text. */
    private static Decision wholeTextFound(FindingKind kind, Channel channel, String text) {
        return with(t -> List.of(Finding.span(kind, 0, t.length()))).evaluate(Messages.message(channel, Role.PARENT, text));
    }

    @Test
    void aMeaningFindingIsCitedByTheSameRuleAsAWordListFinding() {
        String text = "our Shannon will be at the gate tonight";
        Decision d = wholeTextFound(FindingKind.PICKUP_DROPOFF, Channel.PRIVATE_CHAT, text);
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.redirectTo()).isEqualTo(Route.PHONE_SCHOOL_OFFICE);
        Evidence e = d.reason("5.4").orElseThrow().evidence().get(0);
        assertThat(List.of(e.start(), e.end())).containsExactly(0, text.length());
    }

    @Test
    void personalInformationFoundByMeaningInClassChatCites321And49() {
        String text = "we've been in a B&B since the eviction";
        Decision d = wholeTextFound(FindingKind.PERSONAL_INFO, Channel.CLASS_CHAT, text);
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(d.cites("3.2.1")).isTrue();
        assertThat(d.cites("4.9")).isTrue();
        assertThat(PolicyEngine.builder().build().evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, text))
                .outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aDetectorThatFailsLeavesTheMessageUncheckedNeverAllowed() {
        PolicyEngine engine = with(t -> {
            throw new IllegalStateException("model crashed");
        });
        Decision d = engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "see you at sports day!"));
        assertThat(d.outcome()).isNotEqualTo(Outcome.ALLOW);
        assertThat(d.cites(PolicyEngine.UNCHECKED_CLAUSE)).isTrue();
    }

    @Test
    void aFindingOutsideTheTextLeavesTheMessageUnchecked() {
        PolicyEngine engine = with(t -> List.of(Finding.span(FindingKind.ABUSE, 0, t.length() + 5)));
        Decision d = engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "thanks!"));
        assertThat(d.outcome()).isNotEqualTo(Outcome.ALLOW);
        assertThat(d.cites(PolicyEngine.UNCHECKED_CLAUSE)).isTrue();
    }

    @Test
    void aMeaningDetectorMayBeSetOnce() {
        PolicyEngine.Builder b = PolicyEngine.builder();
        MeaningDetector none = new MeaningDetector() {
            @Override
            public List<Finding> findings(String text) {
                return List.of();
            }

            @Override
            public String digest() {
                return "none";
            }
        };
        b.meaningDetector(none);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.meaningDetector(none))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("meaningDetector");
    }
}
