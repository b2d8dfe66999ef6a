package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tier's own tokenizer path reads exactly what DJL's {@code encode} gives: the same ids and spans. */
class TokenizerFastPathTest {
    @Test
    void tokenizingReadsTheSameIdsAndSpansAsDjlsEncodeOnEveryCorpusText() {
        CorpusRun run = CorpusRun.get();
        Encoder encoder = run.tier.encoder();
        List<String> texts = new ArrayList<>();
        run.examples.forEach(e -> texts.add(SemanticTier.head(e.text())));
        texts.addAll(List.of("", " ", "😀 Poppy's nan 🙈", SemanticTier.wellFormed("half \uD83D a pair"), "Ünïcödé  tabs\tand\nlines",
                "We had a lovely weekend at the beach. ".repeat(120)));
        int differ = 0;
        for (String t : texts) {
            Encoder.Tokens fast = encoder.tokenize(t);
            Encoder.Tokens djl = encoder.tokenizeAsDjl(t);
            boolean same = java.util.Arrays.equals(fast.ids(), djl.ids()) && java.util.Arrays.equals(fast.starts(), djl.starts())
                    && java.util.Arrays.equals(fast.ends(), djl.ends());
            differ += same ? 0 : 1;
        }
        assertThat(texts).hasSizeGreaterThan(4_000);
        assertThat(differ).as("texts tokenized differently").isZero();
    }
}
