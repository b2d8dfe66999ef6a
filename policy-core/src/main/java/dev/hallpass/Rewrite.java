package dev.hallpass;

import java.util.List;
import java.util.Objects;

/**
 * A shared-channel post with its children's names and contact details replaced by neutral words
 * ("my child", "[phone number]"), offered when those are its only problems (contract §7.2). The
 * engine has evaluated {@link #text()} as the same message and it was allowed.
 *
 * @param text the rewritten text, to show the sender before they post it
 * @param replaced the spans of the original text that were replaced, in text order
 */
public record Rewrite(String text, List<Evidence> replaced) {
    /** @throws IllegalArgumentException if nothing was replaced or a replaced span is an attachment */
    public Rewrite {
        Objects.requireNonNull(text, "text");
        replaced = List.copyOf(replaced);
        if (replaced.isEmpty() || replaced.stream().anyMatch(e -> e.start() == null)) {
            throw new IllegalArgumentException("a rewrite replaces one or more spans of the text");
        }
    }
}
