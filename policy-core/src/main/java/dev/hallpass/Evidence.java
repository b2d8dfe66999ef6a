package dev.hallpass;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.Objects;

/**
 * What triggered a reason: a span of the message text or an attachment (contract §3).
 *
 * @param kind what was found
 * @param start UTF-16 offset into the text, inclusive; null for an attachment
 * @param end UTF-16 offset into the text, exclusive; null for an attachment
 * @param attachment index into the message's attachments; null for a text span
 * @param label what is written as the evidence's {@code kind}: the kind's name, or the name of
 *     the school's word list for {@link FindingKind#SCHOOL_WORDS}
 * @param score the semantic tier's score where it decided this evidence (0 to 1), else null; the span
 *     is then the sentence that scored, or the word lists' finding it confirmed
 */
public record Evidence(FindingKind kind, Integer start, Integer end, Integer attachment, String label, Double score) {
    /** Evidence no statistical detector decided. */
    public Evidence(FindingKind kind, Integer start, Integer end, Integer attachment, String label) {
        this(kind, start, end, attachment, label, null);
    }

    /** @throws IllegalArgumentException unless exactly one of span or attachment is given */
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        label = label == null ? kind.name() : label;
        boolean span = start != null && end != null && attachment == null && 0 <= start && start < end;
        boolean file = start == null && end == null && attachment != null && attachment >= 0;
        if (!span && !file) {
            throw new IllegalArgumentException("evidence is either a text span or an attachment");
        }
    }

    /** Evidence for a span of text. */
    public static Evidence span(FindingKind kind, int start, int end) {
        return new Evidence(kind, start, end, null, kind.name());
    }

    /** Evidence for an attachment. */
    public static Evidence attachment(FindingKind kind, int index) {
        return new Evidence(kind, null, null, index, kind.name());
    }

    static Evidence of(Finding f) {
        return f.isAttachment() ? attachment(f.kind(), f.attachment()) : new Evidence(f.kind(), f.start(), f.end(), null, f.label(), f.score());
    }
}
