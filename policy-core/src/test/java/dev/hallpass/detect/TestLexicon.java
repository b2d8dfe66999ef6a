package dev.hallpass.detect;

import dev.hallpass.facts.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * policy-core's fixture lexicon ({@code hallpass/lexicon-fixture.yaml} in its test resources) and the
 * personal-data recognizers built on it, so that core tests never need policy-rules' full lists.
 */
final class TestLexicon {
    static final Lexicon LEXICON = load();

    /** The personal-data recognizers (masks first), without names, word lists or attachments. */
    private static final Pipeline PERSONAL_DATA = new Pipeline(Detectors.of(LEXICON, DetectorConfig.NONE
            .withSwitchedOff(NameDetector.NAME, LexiconDetector.NAME, AttachmentRecognizer.NAME)).recognizers());

    private TestLexicon() {}

    private static Lexicon load() {
        try (InputStream in = Objects.requireNonNull(TestLexicon.class.getClassLoader().getResourceAsStream("hallpass/lexicon-fixture.yaml"))) {
            return Lexicon.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the personal-data recognizers over {@code text} exactly as written (no space folding) and
     * appends what they find, in text order, to {@code out}.
     */
    static void personalData(String text, List<Finding> out) {
        Objects.requireNonNull(out, "out");
        out.addAll(PERSONAL_DATA.run(new Scan(Objects.requireNonNull(text, "text"), text, List.of())));
    }
}
