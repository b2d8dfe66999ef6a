package dev.hallpass;

import dev.hallpass.fixtures.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TipsTest {
    @Test
    void placeholders_are_filled_from_the_profile() {
        Tips tips = new Tips(Profiles.testSchool());
        assertThat(tips.render("Call {schoolOffice.name} on {schoolOffice.phone} ({workingHours}, {school})."))
                .isEqualTo("Call Dawn Hufton on 01632 960000 (Monday–Friday 8:00–17:00, Test School).");
    }

    @Test
    void unknown_placeholders_are_found() {
        assertThat(Tips.unknownPlaceholder("Call {office.phone}")).hasValue("office.phone");
        assertThat(Tips.unknownPlaceholder("Call {school.phone}")).isEmpty();
    }

    @Test
    void non_consecutive_days_are_listed() {
        var hours = new SchoolProfile.WorkingHours(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                LocalTime.of(9, 0), LocalTime.of(15, 30));
        assertThat(Tips.describeHours(hours)).isEqualTo("Monday, Wednesday 9:00–15:30");
    }
}
