package dev.hallpass;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A school's wall-clock time for an instant, as {@code instant.atZone(zone).toLocalDateTime()}
 * gives it, without asking the zone's rules every time: the offset is kept with the span of
 * instants between the zone's transitions it holds for, so messages sent between two clock changes
 * (months apart) cost one range check. Thread-safe: the span is immutable and replaced whole.
 */
final class LocalClock {
    /** The offset that holds for epoch seconds {@code [from, until)}. */
    private record Span(long from, long until, ZoneOffset offset) {}

    private final ZoneRules rules;
    private volatile Span span;

    LocalClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The local date and time of {@code instant} in this clock's zone. */
    LocalDateTime at(Instant instant) {
        long second = instant.getEpochSecond();
        Span s = span;
        if (s == null || second < s.from() || second >= s.until()) {
            s = spanOf(instant);
            span = s;
        }
        return LocalDateTime.ofEpochSecond(second, instant.getNano(), s.offset());
    }

    private Span spanOf(Instant instant) {
        ZoneOffset offset = rules.getOffset(instant);
        if (rules.isFixedOffset()) {
            return new Span(Long.MIN_VALUE, Long.MAX_VALUE, offset);
        }
        // previousTransition is at or before the instant, nextTransition after it: one offset between.
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        long until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        if (from > instant.getEpochSecond() || until <= instant.getEpochSecond()) {
            return new Span(instant.getEpochSecond(), instant.getEpochSecond() + 1, offset); // never expected; stays right
        }
        return new Span(from, until, offset);
    }
}
