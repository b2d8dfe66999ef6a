package dev.hallpass.detect;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One message going through the pipeline: its text, the tokens and name marks the word-list
 * recognizers share, the masks earlier recognizers put over the text, and the findings so far. Made
 * for one message and used by one thread; never kept.
 */
final class Scan {
    private final String text;
    private final String charText;
    private final List<AttachmentType> attachments;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Mask> masks = new ArrayList<>();
    private Tokens tokens;
    private boolean[] isName;
    private List<Mask> cachedFor = List.of();
    /** Where the name recognizer says why it took or set aside each name; null unless explaining. */
    private List<NameNote> nameNotes;
    private String cached;
    /** See {@link #firstDigit()}; -1 until asked. */
    private int firstDigit = -1;

    /** Spans hidden from the recognizers that emit any of {@code from}, or from all of them when it is empty. */
    private record Mask(List<Span> spans, Set<FindingKind> from) {
        boolean hides(Set<FindingKind> reader) {
            if (from.isEmpty()) {
                return true;
            }
            for (FindingKind k : reader) {
                if (from.contains(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * @param text the message's text as normalised, which offsets refer to and tokens are cut from
     * @param charText what the character scanners read: {@code text} with the same length (spaces
     *     made plain, one for one)
     * @param attachments the message's attachments' types, in order
     */
    Scan(String text, String charText, List<AttachmentType> attachments) {
        if (charText.length() != text.length()) {
            throw new IllegalArgumentException("charText must keep the text's offsets");
        }
        this.text = text;
        this.charText = charText;
        this.attachments = List.copyOf(attachments);
        this.cached = charText;
    }

    /**
     * Where the first ASCII digit of the character scanners' text is ({@code length()} when there is
     * none), worked out once: no text a scanner reads has a digit before it (masks only hide), so every
     * scanner looking for numbers starts there instead of testing each character before it.
     */
    int firstDigit() {
        if (firstDigit < 0) {
            firstDigit = Chars.nextDigit(charText, 0);
        }
        return firstDigit;
    }

    /** The message's text as normalised (for the school's own numbers and shape tests only). */
    String text() {
        return text;
    }

    List<AttachmentType> attachments() {
        return attachments;
    }

    /** The text cut into tokens, once per message. */
    Tokens tokens() {
        if (tokens == null) {
            tokens = Tokens.of(text);
        }
        return tokens;
    }

    /** Which tokens are a child's name: the name recognizer marks them, the word lists read them. */
    boolean[] isName() {
        if (isName == null) {
            isName = new boolean[tokens().size()];
        }
        return isName;
    }

    /**
     * The text a recognizer emitting {@code reader} reads: every span an earlier mask hid from it
     * replaced by {@link Chars#MASK}, offsets unchanged.
     */
    String charText(Set<FindingKind> reader) {
        List<Mask> applying = new ArrayList<>();
        for (Mask m : masks) {
            if (m.hides(reader)) {
                applying.add(m);
            }
        }
        if (applying.equals(cachedFor)) {
            return cached;
        }
        char[] chars = null;
        for (Mask m : applying) {
            for (Span span : m.spans()) {
                if (chars == null) {
                    chars = charText.toCharArray();
                }
                for (int i = span.start(); i < span.end(); i++) {
                    chars[i] = Chars.MASK;
                }
            }
        }
        cachedFor = applying;
        cached = chars == null ? charText : new String(chars);
        return cached;
    }

    /** Hides {@code spans} from later recognizers that emit any of {@code from} (all of them when empty). */
    void hide(List<Span> spans, Set<FindingKind> from) {
        if (!spans.isEmpty()) {
            masks.add(new Mask(List.copyOf(spans), Set.copyOf(from)));
        }
    }

    /** Asks the name recognizer to say why it took or set aside each name. */
    Scan explainingNames() {
        nameNotes = new ArrayList<>();
        return this;
    }

    /** The name notes so far, or null when nobody asked for them. */
    List<NameNote> nameNotes() {
        return nameNotes;
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    void addAll(FindingKind kind, List<Span> spans) {
        for (Span span : spans) {
            findings.add(Finding.span(kind, span.start(), span.end()));
        }
    }

    List<Finding> findings() {
        return findings;
    }
}
