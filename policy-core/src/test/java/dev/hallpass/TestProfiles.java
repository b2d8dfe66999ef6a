package dev.hallpass;

/** Profiles written inline, so core tests do not depend on policy-rules. */
final class TestProfiles {
    private TestProfiles() {}

    static final String MINIMAL = """
            school: Test School
            timezone: Europe/London
            workingHours: {days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY], start: "08:00", end: "17:00"}
            closedDates: ["2026-12-21..2027-01-01", "2027-02-15"]
            contacts:
              schoolOffice: {name: Dawn Hufton, phone: "01632 960000"}
              school: {phone: "01632 960002"}
              nursingTeam: {phone: "01632 960001"}
            classes:
              - id: oak
                teachers: [t-oak]
                children: [{name: Amelia Khan, aliases: [Millie]}]
            """;

    static SchoolProfile minimal() {
        return SchoolProfile.parse(MINIMAL, "test.yaml");
    }
}
