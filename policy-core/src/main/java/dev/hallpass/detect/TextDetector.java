package dev.hallpass.detect;

import dev.hallpass.facts.Finding;
import java.util.List;

/**
 * One detector over a message's text. Implementations are immutable and thread-safe, run in time
 * linear in the text's length (no backtracking regular expressions over user text), and never log
 * or keep the text.
 */
interface TextDetector {
    /** Adds a finding for every span of {@code text} this detector recognises, with UTF-16 offsets. */
    void detect(String text, List<Finding> out);
}
