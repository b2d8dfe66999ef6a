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

    /** A detector that decides URGENCY and confirms none of the word lists' urgency findings. */
    private static final MeaningDetector NEVER_URGENT = new MeaningDetector() {
        @Override
        public List<Finding> findings(String text) {
            return List.of();
        }

        @Override
        public java.util.Set<FindingKind> decides() {
            return java.util.Set.of(FindingKind.URGENCY);
        }

        @Override
        public String digest() {
            return "never-urgent";
        }
    };

    @Test
    void aDetectorThatDecidesAKindSetsAsideTheWordListsFindingsOfItButNoOthers() {
        String text = "URGENT: please ring me about the trip, Millie's inhaler is in her bag";
        PolicyEngine words = PolicyEngine.builder().semanticTier(false).build();
        PolicyEngine decided = PolicyEngine.builder().meaningDetector(NEVER_URGENT).build();
        Decision lexical = words.evaluate(Messages.message(Channel.CLASS_CHAT, Role.PARENT, text));
        Decision d = decided.evaluate(Messages.message(Channel.CLASS_CHAT, Role.PARENT, text));
        assertThat(lexical.cites("4.2")).isTrue();
        assertThat(d.cites("4.2")).isFalse();
        assertThat(d.reasons().stream().map(Reason::clause).filter(c -> !c.equals("4.2")).toList())
                .isEqualTo(lexical.reasons().stream().map(Reason::clause).filter(c -> !c.equals("4.2")).toList());
    }

    @Test
    void aSemanticTierOnTheClassPathThatCannotLoadFailsTheBuildAndSaysHowToGoOn() {
        MeaningDetector.Provider broken = () -> {
            throw new UnsatisfiedLinkError("no onnxruntime native library for this platform");
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyEngine.builder().providers(List.of(broken)).build())
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("the semantic tier could not load: no onnxruntime native library")
                .hasMessageContaining("semanticFallback(true)");
    }

    @Test
    void withFallbackAskedForEveryDecisionSaysItWasCheckedByTheWordListsAlone() {
        MeaningDetector.Provider broken = () -> {
            throw new IllegalStateException("damaged model");
        };
        PolicyEngine engine = PolicyEngine.builder().providers(List.of(broken)).semanticFallback(true).build();
        Decision thanks = engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "see you at sports day!"));
        assertThat(thanks.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(thanks.cites(PolicyEngine.LEXICAL_ONLY_CLAUSE)).isTrue();
        Decision absence = engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "Amy is absent today, she has a temperature"));
        assertThat(absence.redirectTo()).isEqualTo(Route.PHONE_SCHOOL_OFFICE);
        assertThat(absence.cites(PolicyEngine.LEXICAL_ONLY_CLAUSE)).isTrue();
    }

    @Test
    void turnedOffTheTierIsNotLoadedAtAll() {
        MeaningDetector.Provider mustNotLoad = () -> {
            throw new AssertionError("loaded although the tier is off");
        };
        Decision d = PolicyEngine.builder().providers(List.of(mustNotLoad)).semanticTier(false).build()
                .evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "see you at sports day!"));
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void aThresholdForAClauseTheDetectorCannotTuneIsAProfileErrorNamingTheField() {
        SchoolProfile p = SchoolProfile.builtIn().toBuilder()
                .clause("4.2", new SchoolProfile.ClauseSetting(true, null, null, false, 0.7)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyEngine.builder().profile(p).meaningDetector(NEVER_URGENT).build())
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("clauses.4.2.threshold: clause 4.2 has no semantic classifier");
    }

    @Test
    void aThresholdOutsideZeroToOneInAProfileFileNamesTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchoolProfile.parse(
                        "{\"school\": \"X\", \"clauses\": {\"4.3\": {\"threshold\": 1.5}}}", "p.json"))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("clauses.4.3.threshold: must be a number between 0 and 1");
    }
}
