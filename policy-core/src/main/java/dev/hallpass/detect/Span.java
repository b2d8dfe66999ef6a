package dev.hallpass.detect;

/** A span of a message's text in UTF-16 offsets, {@code [start, end)}; never the text itself. */
record Span(int start, int end) {}
