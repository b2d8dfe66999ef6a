package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemanticTierTest {
    private final SemanticTier tier = CorpusRun.get().tier;

    @Test
    void anyTextIsScoredWithEvidenceInsideItEvenWithHalfCharactersAndUnassignedCodePoints() {
        org.quicktheories.core.Gen<String> texts = org.quicktheories.generators.SourceDSL.lists()
                .of(org.quicktheories.generators.SourceDSL.integers().between(0, 0x2FFFF)).ofSizeBetween(0, 200).map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(cp -> sb.appendCodePoint(cp % 7 == 0 ? 0xD800 + (cp % 0x800) : cp % 5 == 0 ? " .!?\n".charAt(cp % 5) : cp));
                    return sb.toString();
                });
        org.quicktheories.QuickTheory.qt().withExamples(150).forAll(texts).checkAssert(text -> {
            Scores s = tier.score(text);
            for (Score x : s.scores()) {
                assertThat(x.value()).isBetween(0.0, 1.0);
                assertThat(x.start()).isBetween(0, text.length());
                assertThat(x.end()).isBetween(x.start(), text.length());
            }
        });
    }

    @Test
    void anUnpairedSurrogateIsReplacedOneUnitForOne() {
        assertThat(SemanticTier.wellFormed("a\uD800b\uDC00c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    }

    @Test
    void theEvidenceIsTheSentenceThatScoredNotTheWholeMessage() {
        String text = "Thanks for the lovely newsletter. Keeping him home today, he was sick in the night.";
        Score s = tier.score(text).of(Kind.ABSENCE);
        assertThat(s.isOver()).as("absence score %s", s).isTrue();
        assertThat(text.substring(s.start(), s.end())).isEqualTo("Keeping him home today, he was sick in the night.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "she'll miss Friday, we've a family funeral | ABSENCE",
        "my sister's collecting them tonight | PICKUP_DROPOFF",
        "she's been scratching her arms and won't say why | SAFEGUARDING",
        "keeping him home, he was sick in the night | ABSENCE"})
    void theIssuesEverydayPhrasingsAreFound(String text, Kind kind) {
        Score s = tier.score(text).of(kind);
        assertThat(s.isOver()).as("%s: %s", text, s).isTrue();
    }

    @Test
    void evidenceAlwaysLiesInsideTheTextOnTheCorpus() {
        for (Corpus.Example e : CorpusRun.get().examples.subList(0, 400)) {
            for (Score s : tier.score(e.text()).scores()) {
                assertThat(s.start()).isBetween(0, e.text().length());
                assertThat(s.end()).isBetween(s.start(), e.text().length());
                assertThat(s.value()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void aMegabyteMessageIsReadInAFixedNumberOfWindowsAndSaysHowMuchWasRead() {
        String sentence = "We had a lovely weekend at the seaside and the children built sandcastles. ";
        String text = sentence.repeat(1_000_000 / sentence.length());
        Scores s = tier.score(text);
        assertThat(s.windows()).isBetween(1, SemanticTier.MAX_WINDOWS);
        assertThat(s.scoredChars()).isLessThanOrEqualTo(SemanticTier.MAX_SCORED_CHARS).isLessThan(text.length());
    }

    @Test
    void anEmptyOrWordlessTextScoresNothing() {
        for (String text : List.of("", "   ", "\n\n")) {
            Scores s = tier.score(text);
            assertThat(s.windows()).isZero();
            assertThat(s.scores()).allSatisfy(x -> assertThat(x.isOver()).isFalse());
        }
    }

    @Test
    void theSameMessageAlwaysGetsTheSameScores() {
        for (Corpus.Example e : CorpusRun.get().examples.subList(0, 200)) {
            assertThat(tier.score(e.text())).isEqualTo(tier.score(e.text()));
        }
    }

    @Test
    void manyThreadsSharingOneTierGetWhatOneThreadGets() throws Exception {
        List<String> texts = CorpusRun.get().examples.stream().limit(160).map(Corpus.Example::text).toList();
        List<Scores> alone = texts.stream().map(tier::score).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Scores>> futures = new ArrayList<>();
            for (String t : texts) {
                futures.add(pool.submit(() -> tier.score(t)));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(futures.get(i).get()).as(texts.get(i)).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void weightsTrainedOnAnotherModelAreRefusedWithTheReason() {
        Classifier other = Classifier.read(Classifier.builtIn().bytes(), "test");
        Classifier wrong = new Classifier("0".repeat(64), java.util.Map.of(
                Kind.ABSENCE, other.weights(Kind.ABSENCE), Kind.APPOINTMENT, other.weights(Kind.APPOINTMENT),
                Kind.PICKUP_DROPOFF, other.weights(Kind.PICKUP_DROPOFF), Kind.MEDICATION_CHANGE, other.weights(Kind.MEDICATION_CHANGE),
                Kind.URGENCY, other.weights(Kind.URGENCY), Kind.SAFEGUARDING, other.weights(Kind.SAFEGUARDING),
                Kind.ABUSE, other.weights(Kind.ABUSE), Kind.PERSONAL_INFO, other.weights(Kind.PERSONAL_INFO)));
        assertThatThrownBy(() -> SemanticTier.load(wrong)).isInstanceOf(SemanticException.class)
                .hasMessageContaining("train again");
    }

    @Test
    void aDamagedWeightsFileIsRefusedNamingTheField() {
        String good = new String(Classifier.builtIn().bytes(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Classifier.read("{}".getBytes(StandardCharsets.UTF_8), "w.json"))
                .isInstanceOf(SemanticException.class).hasMessageContaining("w.json").hasMessageContaining("format");
        String noAbuse = good.replace("\"ABUSE\"", "\"ABUSED\"");
        assertThatThrownBy(() -> Classifier.read(noAbuse.getBytes(StandardCharsets.UTF_8), "w.json"))
                .isInstanceOf(SemanticException.class).hasMessageContaining("kinds.ABUSE");
        String badThreshold = good.replaceFirst("\"threshold\" : [0-9.]+", "\"threshold\" : 7");
        assertThatThrownBy(() -> Classifier.read(badThreshold.getBytes(StandardCharsets.UTF_8), "w.json"))
                .isInstanceOf(SemanticException.class).hasMessageContaining("threshold");
    }

    @Test
    void theDigestChangesWhenAThresholdChanges() {
        Classifier c = Classifier.builtIn();
        assertThat(c.withThreshold(Kind.URGENCY, 0.93).digest()).isNotEqualTo(c.digest());
        assertThat(Classifier.read(c.bytes(), "again").digest()).isEqualTo(c.digest());
    }
}
