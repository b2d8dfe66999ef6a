package dev.hallpass.detect;

import dev.hallpass.facts.Finding;

/**
 * A message's text as the recognizers read it ({@link TextNormalizer}), with a map from each of its
 * chars back to the span of the original text it came from, so that a finding's evidence points at
 * exactly what the sender typed, invisible characters inside it included. Immutable.
 */
final class NormalizedText {
    private final String original;
    private final String text;
    /** For each char of {@link #text}, the UTF-16 offset where its source starts in the original; null when the two are the same. */
    private final int[] from;
    /** For each char of {@link #text}, the offset after its source ends in the original. */
    private final int[] to;

    private NormalizedText(String original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** The text unchanged: nothing in it needed normalising. */
    static NormalizedText identity(String text) {
        return new NormalizedText(text, text, null, null);
    }

    /** The text the recognizers read. */
    String text() {
        return text;
    }

    /** The text as the sender wrote it. */
    String original() {
        return original;
    }

    /** True when {@link #text()} differs from the original. */
    boolean changed() {
        return from != null;
    }

    /** The offset in the original where char {@code i} of the normalised text starts. */
    int originalStart(int i) {
        return from == null ? i : from[i];
    }

    /** The offset in the original after the source of char {@code i} (inclusive) of the normalised text ends. */
    int originalEnd(int i) {
        return to == null ? i + 1 : to[i];
    }

    /** {@code f} with its span moved from the normalised text to the original (attachments unchanged). */
    Finding toOriginal(Finding f) {
        if (from == null || f.isAttachment()) {
            return f;
        }
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (int i = f.start(); i < f.end(); i++) { // a run reversed by a bidi override maps out of order
            start = Math.min(start, from[i]);
            end = Math.max(end, to[i]);
        }
        if (start == f.start() && end == f.end()) {
            return f;
        }
        Finding moved = new Finding(f.kind(), start, end, f.attachment(), f.label());
        return f.score() == null ? moved : moved.withScore(f.score());
    }

    /**
     * This text after one more step that turned {@link #text()} into {@code next}, where char
     * {@code i} of {@code next} came from {@code [stepFrom[i], stepTo[i])} of {@link #text()}. Takes
     * the two arrays over (they may be longer than {@code next}; the step must not use them again).
     */
    NormalizedText then(String next, int[] stepFrom, int[] stepTo) {
        if (from == null) {
            return new NormalizedText(original, next, stepFrom, stepTo); // the first step's map is the whole map
        }
        // The step's arrays become the whole map, rewritten in place: entry i is read before it is written.
        int n = next.length();
        for (int i = 0; i < n; i++) {
            int k0 = stepFrom[i];
            int k1 = stepTo[i];
            if (k1 == k0 + 1) {
                stepFrom[i] = from[k0];
                stepTo[i] = to[k0];
                continue;
            }
            int a = Integer.MAX_VALUE;
            int b = 0;
            for (int k = k0; k < k1; k++) {
                a = Math.min(a, from[k]);
                b = Math.max(b, to[k]);
            }
            stepFrom[i] = a;
            stepTo[i] = b;
        }
        return new NormalizedText(original, next, stepFrom, stepTo);
    }

    /**
     * Builds the next text of one normalising step over {@code source}, char by char, recording
     * where each came from. Made and used by one step; never kept.
     */
    static final class Builder {
        private final String source;
        private char[] out;
        private int[] from;
        private int[] to;
        private int size;

        Builder(String source) {
            this.source = source;
            this.out = new char[source.length() + 16];
            this.from = new int[source.length() + 16];
            this.to = new int[source.length() + 16];
        }

        /** Appends {@code c}, which stands for {@code source[start, end)}. */
        Builder append(char c, int start, int end) {
            if (size == from.length) {
                grow(size * 2 + 16);
            }
            out[size] = c;
            from[size] = start;
            to[size] = end;
            size++;
            return this;
        }

        /** Appends every char of {@code s}, all of which stand for {@code source[start, end)}. */
        Builder append(CharSequence s, int start, int end) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), start, end);
            }
            return this;
        }

        /**
         * Makes the char appended last stand for its source up to {@code end} as well: what was dropped
         * after it (a variation selector, a keycap mark) belongs to its glyph.
         */
        Builder extendLast(int end) {
            if (size > 0 && end > to[size - 1]) {
                to[size - 1] = end;
            }
            return this;
        }

        /** Copies {@code source[start, end)} as it is. */
        Builder copy(int start, int end) {
            int length = end - start;
            if (length <= 0) {
                return this;
            }
            if (size + length > from.length) {
                grow(Math.max(from.length * 2, size + length) + 16);
            }
            source.getChars(start, end, out, size);
            for (int i = 0; i < length; i++) {
                from[size + i] = start + i;
                to[size + i] = start + i + 1;
            }
            size += length;
            return this;
        }

        private void grow(int capacity) {
            out = java.util.Arrays.copyOf(out, capacity);
            from = java.util.Arrays.copyOf(from, capacity);
            to = java.util.Arrays.copyOf(to, capacity);
        }

        /** {@code before} followed by this step. */
        NormalizedText applyTo(NormalizedText before) {
            return before.then(new String(out, 0, size), from, to);
        }
    }
}
