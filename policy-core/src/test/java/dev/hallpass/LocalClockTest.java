package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalClockTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("+05:45"),
            ZoneId.of("Pacific/Apia"), ZoneId.of("America/Sao_Paulo"));

    @Test
    void the_local_time_is_the_zones_own_for_any_instant_asked_in_any_order() {
        // Instants from 1900 to 2100, and many within a day of a clock change, asked of one clock in
        // turn so its kept span moves back and forth.
        qt().withExamples(400).forAll(integers().between(0, ZONES.size() - 1), longs().between(-2_208_988_800L, 4_102_444_800L),
                        integers().between(0, 999_999_999))
                .checkAssert((zone, second, nano) -> {
                    ZoneId id = ZONES.get(zone);
                    LocalClock clock = new LocalClock(id);
                    Instant start = Instant.ofEpochSecond(second, nano);
                    var next = id.getRules().nextTransition(start);
                    Instant near = next == null ? start : next.getInstant();
                    for (long step : new long[] {0, -1, 1, -3600, 3600, -86_400, 86_400, 1_800, -1_800, 0}) {
                        for (Instant t : List.of(start.plusSeconds(step), near.plusSeconds(step), near.plusSeconds(step).plusNanos(nano))) {
                            assertThat(clock.at(t)).as("%s at %s", id, t).isEqualTo(t.atZone(id).toLocalDateTime());
                        }
                    }
                });
    }

    @Test
    void the_last_second_before_a_clock_change_and_the_change_itself_get_their_own_offsets() {
        ZoneId london = ZoneId.of("Europe/London");
        LocalClock clock = new LocalClock(london);
        Instant change = Instant.parse("2027-03-28T01:00:00Z"); // clocks go forward: 01:00 GMT is 02:00 BST
        assertThat(clock.at(change.minusNanos(1))).isEqualTo(java.time.LocalDateTime.parse("2027-03-28T00:59:59.999999999"));
        assertThat(clock.at(change)).isEqualTo(java.time.LocalDateTime.parse("2027-03-28T02:00:00"));
        assertThat(clock.at(change.minusSeconds(1))).isEqualTo(java.time.LocalDateTime.parse("2027-03-28T00:59:59"));
    }
}
