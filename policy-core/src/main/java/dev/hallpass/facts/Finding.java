package dev.hallpass.facts;

import java.util.Objects;

/**
 * Something a detector found: a span of the text, or an attachment. A finding never carries the
 * text it covers, so facts and logs stay free of personal data.
 *
 * @param kind what was found
 * @param start UTF-16 offset of the first char (inclusive), or -1 for an attachment
 * @param end UTF-16 offset after the last char (exclusive), or -1 for an attachment
 * @param attachment index into the message's attachments, or -1 for a text span
 * @param label the kind's name, or for {@link FindingKind#SCHOOL_WORDS} the name of the school's
 *     word list ("SELLING"): rules match it with {@code label == "SELLING"}
 * @param score where a statistical detector (the semantic tier) decided the finding, its score in
 *     [0, 1]; null for the word lists' and recognizers' own findings
 */
public record Finding(FindingKind kind, int start, int end, int attachment, String label, Double score) {
    /** A finding no statistical detector decided. */
    public Finding(FindingKind kind, int start, int end, int attachment, String label) {
        this(kind, start, end, attachment, label, null);
    }

    /** @throws IllegalArgumentException if the finding is neither a valid span nor an attachment, or the score is outside [0, 1] */
    public Finding {
        if (score != null && !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a finding's score is in [0, 1]: " + score);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        boolean span = attachment == -1 && start >= 0 && end > start;
        boolean file = attachment >= 0 && start == -1 && end == -1;
        if (!span && !file) {
            throw new IllegalArgumentException(
                    "a finding is a span (0 <= start < end) or an attachment index: " + start + ".." + end + " #" + attachment);
        }
    }

    /** The order findings are reported in: spans by offset, then attachments by index. */
    public static final java.util.Comparator<Finding> ORDER = java.util.Comparator.comparing(Finding::isAttachment)
            .thenComparingInt(Finding::start).thenComparingInt(Finding::end).thenComparing(Finding::kind)
            .thenComparingInt(Finding::attachment);

    /** A span of text {@code [start, end)}. */
    public static Finding span(FindingKind kind, int start, int end) {
        return new Finding(kind, start, end, -1, kind.name());
    }

    /** A span of text {@code [start, end)} from the school's word list {@code list}. */
    public static Finding schoolWords(String list, int start, int end) {
        return new Finding(FindingKind.SCHOOL_WORDS, start, end, -1, list);
    }

    /** The attachment at {@code index}. */
    public static Finding attachment(FindingKind kind, int index) {
        return new Finding(kind, -1, -1, index, kind.name());
    }

    /** This finding as decided by a statistical detector with {@code value}. */
    public Finding withScore(double value) {
        return new Finding(kind, start, end, attachment, label, value);
    }

    /** True when this finding locates an attachment. */
    public boolean isAttachment() {
        return attachment >= 0;
    }
}
