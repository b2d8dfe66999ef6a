package dev.hallpass;

import dev.hallpass.yaml.Yaml;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.SchoolProfile.Child;
import dev.hallpass.SchoolProfile.ClauseSetting;
import dev.hallpass.SchoolProfile.Contact;
import dev.hallpass.SchoolProfile.Contacts;
import dev.hallpass.SchoolProfile.DateRange;
import dev.hallpass.SchoolProfile.SchoolClass;
import dev.hallpass.SchoolProfile.WordList;
import dev.hallpass.SchoolProfile.WorkingHours;
import dev.hallpass.facts.FindingKind;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a profile tree field by field, collecting every problem with its path instead of stopping
 * at the first, so a school fixes its file in one pass.
 */
final class ProfileReader {
    // A key given twice is an error naming its path: which value wins is a parser's whim.
    private static final ObjectMapper JSON = Mappers.json().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = Mappers.yaml().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<String> problems = new ArrayList<>();

    private ProfileReader() {}

    private static String limitHint(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        return m.contains("aliases") || m.contains("nesting") || m.contains("exceeds") || m.contains("limit")
                ? " (refused: too many aliases, too deep, or too large)" : "";
    }

    static SchoolProfile read(String text, String sourceName) {
        String lower = sourceName.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
        if (text.length() > Yaml.MAX_CHARS) {
            throw new InvalidProfileException(sourceName, List.of("(root): larger than " + Yaml.MAX_CHARS + " characters"));
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String problem = Yaml.readProblem(e, mapper == YAML ? "YAML" : "JSON");
            throw new InvalidProfileException(sourceName, List.of(Yaml.duplicateKeyPath(e) != null ? problem : problem + limitHint(e)));
        } catch (RuntimeException e) {
            // SnakeYAML refuses alias bombs and deep nesting with runtime exceptions of its own.
            throw new InvalidProfileException(sourceName, List.of(Yaml.readProblem(e, "YAML")));
        }
        ProfileReader reader = new ProfileReader();
        SchoolProfile profile = reader.profile(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidProfileException(sourceName, reader.problems);
        }
        return profile;
    }

    private SchoolProfile profile(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add("(root): must be an object");
            return null;
        }
        onlyFields(root, "", "school", "timezone", "workingHours", "closedDates", "contacts", "classes", "clauses", "words", "notNames");
        String school = text(root, "school", "school");
        ZoneId zone = parse(root, "timezone", "timezone", ZoneId::of, "not a timezone id such as Europe/London");
        WorkingHours hours = workingHours(root.get("workingHours"));
        List<DateRange> closed = closedDates(root.get("closedDates"));
        Contacts contacts = contacts(root.get("contacts"));
        List<SchoolClass> classes = classes(root.get("classes"));
        Map<String, ClauseSetting> clauses = clauses(root.get("clauses"));
        Map<String, WordList> words = words(root.get("words"));
        List<String> notNames = notNames(root.get("notNames"));
        if (!problems.isEmpty()) {
            return null;
        }
        return SchoolProfile.builder().school(school).timezone(zone).workingHours(hours).closedDates(closed)
                .contacts(contacts).classes(classes).clauses(clauses).words(words).notNames(notNames).build();
    }

    private WorkingHours workingHours(JsonNode node) {
        if (!object(node, "workingHours")) {
            return null;
        }
        onlyFields(node, "workingHours.", "days", "start", "end");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode list = node.get("days");
        if (array(list, "workingHours.days")) {
            for (int i = 0; i < list.size(); i++) {
                DayOfWeek day = enumValue(list.get(i), "workingHours.days[" + i + "]", DayOfWeek.class);
                if (day != null) {
                    days.add(day);
                }
            }
        }
        LocalTime start = parse(node, "start", "workingHours.start", LocalTime::parse, "not a time HH:MM");
        LocalTime end = parse(node, "end", "workingHours.end", LocalTime::parse, "not a time HH:MM");
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add("workingHours.end: must be after workingHours.start");
            return null;
        }
        return start == null || end == null ? null : new WorkingHours(days, start, end);
    }

    private List<DateRange> closedDates(JsonNode node) {
        List<DateRange> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!array(node, "closedDates")) {
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "closedDates[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                problems.add(path + ": must be a date (2026-12-25) or a range (2026-12-21..2027-01-01)");
                continue;
            }
            String[] parts = item.asText().split("\\.\\.", -1);
            try {
                LocalDate from = LocalDate.parse(parts[0].trim());
                LocalDate to = parts.length == 2 ? LocalDate.parse(parts[1].trim()) : from;
                if (parts.length > 2) {
                    throw new DateTimeException("too many '..'");
                }
                if (from.isAfter(to)) {
                    problems.add(path + ": range ends before it starts");
                } else {
                    out.add(new DateRange(from, to));
                }
            } catch (DateTimeException e) {
                problems.add(path + ": must be a date (2026-12-25) or a range (2026-12-21..2027-01-01)");
            }
        }
        return out;
    }

    private Contacts contacts(JsonNode node) {
        if (!object(node, "contacts")) {
            return null;
        }
        onlyFields(node, "contacts.", "schoolOffice", "school", "nursingTeam", "evidenceForLearning");
        Contact office = contact(node.get("schoolOffice"), "contacts.schoolOffice", null, true);
        Contact school = contact(node.get("school"), "contacts.school", "the school office", true);
        Contact nursing = contact(node.get("nursingTeam"), "contacts.nursingTeam", "the school nursing team", true);
        JsonNode efl = node.get("evidenceForLearning");
        Contact evidence = efl == null || efl.isNull()
                ? new Contact("the Evidence for Learning app", "")
                : contact(efl, "contacts.evidenceForLearning", "the Evidence for Learning app", false);
        return office == null || school == null || nursing == null || evidence == null
                ? null
                : new Contacts(office, school, nursing, evidence);
    }

    private Contact contact(JsonNode node, String path, String defaultName, boolean phoneRequired) {
        if (!object(node, path)) {
            return null;
        }
        onlyFields(node, path + ".", "name", "phone");
        String name = defaultName != null && !node.has("name") ? defaultName : text(node, "name", path + ".name");
        String phone = "";
        if (phoneRequired || node.has("phone")) {
            phone = text(node, "phone", path + ".phone");
            if (phone != null && phone.chars().filter(Character::isDigit).count() < 6) {
                problems.add(path + ".phone: not a phone number");
                phone = null;
            }
        }
        return name == null || phone == null ? null : new Contact(name, phone);
    }

    private List<SchoolClass> classes(JsonNode node) {
        List<SchoolClass> out = new ArrayList<>();
        if (node == null || node.isNull() || !array(node, "classes")) {
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "classes[" + i + "]";
            JsonNode c = node.get(i);
            if (!object(c, path)) {
                continue;
            }
            onlyFields(c, path + ".", "id", "name", "teachers", "children");
            String id = text(c, "id", path + ".id");
            if (id != null && !ids.add(id)) {
                problems.add(path + ".id: duplicate class id");
            }
            String name = c.has("name") ? text(c, "name", path + ".name") : id;
            List<String> teachers = strings(c.get("teachers"), path + ".teachers");
            List<Child> children = new ArrayList<>();
            JsonNode kids = c.get("children");
            if (kids != null && !kids.isNull() && array(kids, path + ".children")) {
                for (int k = 0; k < kids.size(); k++) {
                    String kp = path + ".children[" + k + "]";
                    JsonNode kid = kids.get(k);
                    if (!object(kid, kp)) {
                        continue;
                    }
                    onlyFields(kid, kp + ".", "name", "aliases");
                    String childName = text(kid, "name", kp + ".name");
                    List<String> aliases = strings(kid.get("aliases"), kp + ".aliases");
                    if (childName != null) {
                        children.add(new Child(childName, aliases));
                    }
                }
            }
            if (id != null && name != null) {
                out.add(new SchoolClass(id, name, teachers, children));
            }
        }
        return out;
    }

    private Map<String, ClauseSetting> clauses(JsonNode node) {
        Map<String, ClauseSetting> out = new LinkedHashMap<>();
        if (node == null || node.isNull() || !object(node, "clauses")) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "clauses." + e.getKey();
            JsonNode s = e.getValue();
            if (!object(s, path)) {
                continue;
            }
            onlyFields(s, path + ".", "enabled", "outcome", "redirectTo", "mode", "threshold");
            boolean enabled = true;
            JsonNode en = s.get("enabled");
            if (en != null && !en.isNull()) {
                if (en.isBoolean()) {
                    enabled = en.booleanValue();
                } else {
                    problems.add(path + ".enabled: must be true or false");
                }
            }
            Outcome outcome = s.has("outcome") ? enumValue(s.get("outcome"), path + ".outcome", Outcome.class) : null;
            Route route = s.has("redirectTo") ? enumValue(s.get("redirectTo"), path + ".redirectTo", Route.class) : null;
            if (route != null && outcome != Outcome.REDIRECT) {
                problems.add(path + ".redirectTo: only allowed with outcome REDIRECT");
            }
            boolean shadow = false;
            JsonNode mode = s.get("mode");
            if (mode != null && !mode.isNull()) {
                String m = mode.asText("").toLowerCase(java.util.Locale.ROOT);
                if (m.equals("shadow")) {
                    shadow = true;
                } else if (!m.equals("enforce")) {
                    problems.add(path + ".mode: must be enforce or shadow");
                }
            }
            Double threshold = null;
            JsonNode th = s.get("threshold");
            if (th != null && !th.isNull()) {
                if (th.isNumber() && th.doubleValue() > 0 && th.doubleValue() < 1) {
                    threshold = th.doubleValue();
                } else {
                    problems.add(path + ".threshold: must be a number between 0 and 1 (exclusive)");
                }
            }
            out.put(e.getKey(), new ClauseSetting(enabled, outcome, route, shadow, threshold));
        }
        return out;
    }

    private Map<String, WordList> words(JsonNode node) {
        Map<String, WordList> out = new LinkedHashMap<>();
        if (node == null || node.isNull() || !object(node, "words")) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "words." + e.getKey();
            FindingKind kind = Enums.parse(FindingKind.class, e.getKey());
            if (kind != null && (kind.isAttachment() || kind == FindingKind.SCHOOL_WORDS)) {
                problems.add(path + ": " + kind + " has no word list");
                continue;
            }
            if (kind == null && !e.getKey().matches("[A-Z][A-Z0-9_]{0,39}")) {
                problems.add(path + ": a school's own list needs a name in capitals, like SELLING");
                continue;
            }
            if (!object(e.getValue(), path)) {
                continue;
            }
            onlyFields(e.getValue(), path + ".", "add", "ignore");
            List<String> add = phrases(e.getValue().get("add"), path + ".add");
            List<String> ignore = phrases(e.getValue().get("ignore"), path + ".ignore");
            out.put(kind != null ? kind.name() : e.getKey(), new WordList(add, ignore));
        }
        return out;
    }

    /** The profile's {@code notNames}: phrases of one to eight words. */
    private List<String> notNames(JsonNode node) {
        List<String> out = strings(node, "notNames");
        for (int i = 0; i < out.size(); i++) {
            String p = out.get(i).trim();
            if (p.isEmpty() || p.codePoints().noneMatch(Character::isLetterOrDigit)) {
                problems.add("notNames[" + i + "]: must have a letter or digit");
            } else if (p.split("\\s+").length > 8) {
                problems.add("notNames[" + i + "]: at most 8 words");
            }
        }
        return out;
    }

    private List<String> phrases(JsonNode node, String path) {
        List<String> out = strings(node, path);
        for (int i = 0; i < out.size(); i++) {
            String p = out.get(i);
            if (p.split("\\s+").length > 8) {
                problems.add(path + "[" + i + "]: at most 8 words");
            } else if (p.contains("@")) {
                problems.add(path + "[" + i + "]: word classes (@...) are only for the built-in lists");
            }
        }
        return out;
    }


    // ---- small typed readers; each records a problem and returns null on failure ----

    private void onlyFields(JsonNode node, String prefix, String... allowed) {
        Set<String> known = Set.of(allowed);
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add(prefix + f + ": unknown field (expected one of " + String.join(", ", allowed) + ")");
            }
        });
    }

    private boolean object(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            problems.add(path + ": missing");
            return false;
        }
        if (!node.isObject()) {
            problems.add(path + ": must be an object");
            return false;
        }
        return true;
    }

    private boolean array(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            problems.add(path + ": missing");
            return false;
        }
        if (!node.isArray()) {
            problems.add(path + ": must be a list");
            return false;
        }
        return true;
    }

    private String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problems.add(path + ": missing");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(path + ": must be a non-empty string");
            return null;
        }
        return node.asText().trim();
    }

    private List<String> strings(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!array(node, path)) {
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && !item.asText().isBlank()) {
                out.add(item.asText().trim());
            } else {
                problems.add(path + "[" + i + "]: must be a non-empty string");
            }
        }
        return out;
    }

    private <T> T parse(JsonNode parent, String field, String path, Function<String, T> parser, String expected) {
        String raw = text(parent, field, path);
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            problems.add(path + ": " + expected);
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
        if (node == null || !node.isTextual()) {
            problems.add(path + ": must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
        E value = Enums.parse(type, node.asText());
        if (value == null) {
            problems.add(path + ": unknown value (expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
        return value;
    }
}
