package dev.hallpass;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a tip template's placeholders from the profile. Only profile values can enter a tip, never
 * message text, so a tip cannot repeat a child's name.
 */
final class Tips {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)}");
    private static final List<String> NAMES = List.of("school", "workingHours", "schoolOffice.name", "schoolOffice.phone",
            "school.name", "school.phone", "nursingTeam.name", "nursingTeam.phone", "evidenceForLearning.name");

    /** Templates come from the catalogue, so there are few: each is rendered once. */
    private static final int MAX_RENDERED = 4096;

    private final Map<String, String> values;
    private final Map<String, String> rendered = new java.util.concurrent.ConcurrentHashMap<>();

    Tips(SchoolProfile p) {
        SchoolProfile.Contacts c = p.contacts();
        values = Map.of(
                "school", p.school(),
                "workingHours", describeHours(p.workingHours()),
                "schoolOffice.name", c.schoolOffice().name(),
                "schoolOffice.phone", c.schoolOffice().phone(),
                "school.name", c.school().name(),
                "school.phone", c.school().phone(),
                "nursingTeam.name", c.nursingTeam().name(),
                "nursingTeam.phone", c.nursingTeam().phone(),
                "evidenceForLearning.name", c.evidenceForLearning().name());
    }

    String render(String template) {
        String done = rendered.get(template);
        if (done == null) {
            done = fill(template);
            if (rendered.size() < MAX_RENDERED) {
                rendered.put(template, done);
            }
        }
        return done;
    }

    private String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Optional<String> unknownPlaceholder(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** "Monday–Friday 8:00–17:00", or a list of days when they are not consecutive. */
    static String describeHours(SchoolProfile.WorkingHours h) {
        List<DayOfWeek> days = new ArrayList<>(h.days());
        days.sort(null);
        String dayText;
        boolean consecutive = !days.isEmpty()
                && days.get(days.size() - 1).getValue() - days.get(0).getValue() == days.size() - 1;
        if (days.isEmpty()) {
            dayText = "no days";
        } else if (days.size() == 1) {
            dayText = name(days.get(0));
        } else if (consecutive) {
            dayText = name(days.get(0)) + "–" + name(days.get(days.size() - 1));
        } else {
            List<String> names = new ArrayList<>();
            days.forEach(d -> names.add(name(d)));
            dayText = String.join(", ", names);
        }
        return dayText + " " + time(h.start()) + "–" + time(h.end());
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    private static String time(java.time.LocalTime t) {
        return t.getHour() + ":" + String.format(Locale.ROOT, "%02d", t.getMinute());
    }
}
