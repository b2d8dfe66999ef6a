package dev.hallpass;

import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A school's profile (contract §6): its timezone, working hours, closed dates, contacts, classes
 * and clause settings. Immutable and thread-safe; one profile may back many engines.
 *
 * <p>Load one with {@link #load(Path)} or {@link #parse(String, String)}, or take the seed school's
 * built-in one with {@link #builtIn()}. Loading validates every field and reports all problems at
 * once, each naming its field path. In code, build one with {@link #builder()}, or change a few
 * fields of another with {@link #toBuilder()}:
 *
 * <pre>{@code SchoolProfile trial = SchoolProfile.builtIn().toBuilder()
 *         .clause("4.7", new SchoolProfile.ClauseSetting(false, null, null))
 *         .build();}</pre>
 *
 * <p>A final class rather than a record so that a new profile field is a new builder method, never
 * a changed constructor: no host code breaks when the profile grows.
 */
public final class SchoolProfile {

    /** The class path resource holding the seed school's profile (in {@code policy-rules}). */
    static final String BUILT_IN_RESOURCE = "hallpass/default-profile.yaml";

    private final String school;
    private final ZoneId timezone;
    private final WorkingHours workingHours;
    private final List<DateRange> closedDates;
    private final Contacts contacts;
    private final List<SchoolClass> classes;
    private final Map<String, ClauseSetting> clauses;
    private final Map<String, WordList> words;
    private final List<String> notNames;

    private SchoolProfile(Builder b) {
        school = b.school;
        timezone = b.timezone;
        workingHours = b.workingHours;
        closedDates = List.copyOf(b.closedDates);
        contacts = b.contacts;
        classes = List.copyOf(b.classes);
        clauses = Map.copyOf(b.clauses);
        words = Map.copyOf(b.words);
        notNames = List.copyOf(b.notNames);
    }

    /** A builder with nothing set; {@code school}, {@code timezone}, {@code workingHours} and {@code contacts} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this profile, to build a changed copy. */
    public Builder toBuilder() {
        return new Builder().school(school).timezone(timezone).workingHours(workingHours).closedDates(closedDates)
                .contacts(contacts).classes(classes).clauses(clauses).words(words).notNames(notNames);
    }

    /** The school's name. */
    public String school() {
        return school;
    }

    /** Where the school is; local times are taken here. */
    public ZoneId timezone() {
        return timezone;
    }

    /** When staff read messages (policy 4.7). */
    public WorkingHours workingHours() {
        return workingHours;
    }

    /** Days the school is closed, each a single date or an inclusive range. */
    public List<DateRange> closedDates() {
        return closedDates;
    }

    /** Who to phone for what. */
    public Contacts contacts() {
        return contacts;
    }

    /** The school's classes, with teachers and children. */
    public List<SchoolClass> classes() {
        return classes;
    }

    /** Per-clause settings that override the rule files' defaults, keyed by clause id. */
    public Map<String, ClauseSetting> clauses() {
        return clauses;
    }

    /**
     * The school's word lists: additions to a built-in list, keyed by its finding kind
     * ("URGENCY"), or lists of its own, keyed by a name of its choosing ("SELLING").
     */
    public Map<String, WordList> words() {
        return words;
    }

    /**
     * Names and phrases that are never a child's name at this school, even where they contain a
     * roster name: a local park ("Millie's Meadow"), an event ("Harper Fun Run"). Matched as whole
     * phrases, any case.
     */
    public List<String> notNames() {
        return notNames;
    }

    /** Equal when every field is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SchoolProfile p && school.equals(p.school) && timezone.equals(p.timezone)
                && workingHours.equals(p.workingHours) && closedDates.equals(p.closedDates) && contacts.equals(p.contacts)
                && classes.equals(p.classes) && clauses.equals(p.clauses) && words.equals(p.words)
                && notNames.equals(p.notNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(school, timezone, workingHours, closedDates, contacts, classes, clauses, words, notNames);
    }

    /** The school, timezone and how many classes; never a child's name. */
    @Override
    public String toString() {
        return "SchoolProfile[school=" + school + ", timezone=" + timezone + ", classes=" + classes.size() + "]";
    }

    /**
     * Builds a {@link SchoolProfile}. Each setter checks its argument at once; {@link #build()}
     * checks that the required fields are set. Not thread-safe; the profile it builds is.
     */
    public static final class Builder {
        private String school;
        private ZoneId timezone;
        private WorkingHours workingHours;
        private List<DateRange> closedDates = List.of();
        private Contacts contacts;
        private List<SchoolClass> classes = List.of();
        private Map<String, ClauseSetting> clauses = Map.of();
        private Map<String, WordList> words = Map.of();
        private List<String> notNames = List.of();

        private Builder() {}

        /** The school's name (required). @throws NullPointerException if null */
        public Builder school(String school) {
            this.school = Objects.requireNonNull(school, "school");
            return this;
        }

        /** Where the school is (required). @throws NullPointerException if null */
        public Builder timezone(ZoneId timezone) {
            this.timezone = Objects.requireNonNull(timezone, "timezone");
            return this;
        }

        /** When staff read messages (required). @throws NullPointerException if null */
        public Builder workingHours(WorkingHours workingHours) {
            this.workingHours = Objects.requireNonNull(workingHours, "workingHours");
            return this;
        }

        /** Days the school is closed; none unless set. @throws NullPointerException if null or holding null */
        public Builder closedDates(List<DateRange> closedDates) {
            this.closedDates = List.copyOf(closedDates);
            return this;
        }

        /** Who to phone for what (required). @throws NullPointerException if null */
        public Builder contacts(Contacts contacts) {
            this.contacts = Objects.requireNonNull(contacts, "contacts");
            return this;
        }

        /** The school's classes; none unless set. @throws NullPointerException if null or holding null */
        public Builder classes(List<SchoolClass> classes) {
            this.classes = List.copyOf(classes);
            return this;
        }

        /** Every clause setting, replacing any set before; none unless set. @throws NullPointerException if null or holding null */
        public Builder clauses(Map<String, ClauseSetting> clauses) {
            this.clauses = Map.copyOf(clauses);
            return this;
        }

        /** The setting for one clause, replacing its previous one. @throws NullPointerException if either is null */
        public Builder clause(String id, ClauseSetting setting) {
            Map<String, ClauseSetting> more = new LinkedHashMap<>(clauses);
            more.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(setting, "setting"));
            this.clauses = Map.copyOf(more);
            return this;
        }

        /** The school's word lists; none unless set. @throws NullPointerException if null or holding null */
        public Builder words(Map<String, WordList> words) {
            this.words = Map.copyOf(words);
            return this;
        }

        /** Phrases that are never a child's name at this school; none unless set. @throws NullPointerException if null or holding null */
        public Builder notNames(List<String> notNames) {
            this.notNames = List.copyOf(notNames);
            return this;
        }

        /**
         * The profile.
         *
         * @throws InvalidProfileException naming every required field that was not set
         */
        public SchoolProfile build() {
            List<String> missing = new ArrayList<>();
            if (school == null) {
                missing.add("school: missing");
            }
            if (timezone == null) {
                missing.add("timezone: missing");
            }
            if (workingHours == null) {
                missing.add("workingHours: missing");
            }
            if (contacts == null) {
                missing.add("contacts: missing");
            }
            if (!missing.isEmpty()) {
                throw new InvalidProfileException("(builder)", missing);
            }
            return new SchoolProfile(this);
        }
    }

    /**
     * Reads a profile from a JSON or YAML file ({@code .yaml}/{@code .yml} are read as YAML,
     * anything else as JSON).
     *
     * @throws InvalidProfileException listing every problem, each with its field path; when the
     *     file cannot be read, the one problem {@code (file): cannot be read (...)}, and the
     *     exception's source names the path
     */
    public static SchoolProfile load(Path file) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidProfileException(file.toString(), List.of("(file): cannot be read (" + e.getClass().getSimpleName() + ")"), e);
        }
        return parse(text, name);
    }

    /**
     * Parses a profile from text.
     *
     * @param text JSON or YAML
     * @param sourceName a file name; its extension picks the format and it appears in errors
     * @throws InvalidProfileException listing every problem, each with its field path
     */
    public static SchoolProfile parse(String text, String sourceName) {
        return ProfileReader.read(text, sourceName);
    }

    /**
     * The seed school's built-in profile (Oakfield Primary School), read from the class path
     * resource {@value #BUILT_IN_RESOURCE} that {@code policy-rules} ships.
     *
     * @throws PolicyException if {@code policy-rules} is not on the class path
     */
    public static SchoolProfile builtIn() {
        return BuiltIn.PROFILE;
    }

    private static final class BuiltIn {
        static final SchoolProfile PROFILE = readBuiltIn();

        private static SchoolProfile readBuiltIn() {
            return parse(Resources.text(BUILT_IN_RESOURCE, "built-in profile"), "default-profile.yaml");
        }
    }

    /** True when {@code instant} falls inside working hours on a day the school is open. */
    public boolean isWorkingTime(Instant instant) {
        return isWorkingTime(instant.atZone(timezone));
    }

    /** {@link #isWorkingTime(Instant)} for a time already in this profile's timezone. */
    boolean isWorkingTime(ZonedDateTime local) {
        return isWorkingTime(local.toLocalDateTime());
    }

    /** {@link #isWorkingTime(Instant)} for a local date and time in this profile's timezone. */
    boolean isWorkingTime(java.time.LocalDateTime local) {
        return workingHours.covers(local.getDayOfWeek(), local.toLocalTime()) && !isClosed(local.toLocalDate());
    }

    /** True when {@code date} is one of the closed dates. */
    public boolean isClosed(LocalDate date) {
        for (DateRange r : closedDates) { // on every evaluation: a loop, not a stream
            if (r.contains(date)) {
                return true;
            }
        }
        return false;
    }

    /** The class with this id, if the profile has it. */
    public Optional<SchoolClass> schoolClass(String id) {
        if (id != null) {
            for (SchoolClass c : classes) {
                if (c.id().equals(id)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Things in this profile that are allowed but probably not meant, one line each with its
     * field path; empty when there are none. {@code ./policy check} prints them as warnings. Today:
     * a roster name the detector matches on its own (a child's first name or a one-word alias)
     * that has one to three letters, or is one of the most common English words, unless the name
     * detector already treats it as a word-name (Will, May, Grace), e.g. {@code
     * classes[0].children[2].aliases[0]: "Al" is 1–3 letters; it may be taken as a child's name
     * where it is only a word}. The line repeats the entry, so it is for the school's own check
     * output, never for logs.
     *
     * @throws PolicyException if the word lists ({@code policy-rules}) are not on the class path
     */
    public List<String> warnings() {
        return List.copyOf(RosterWarnings.of(this));
    }

    /** The setting for a clause; the default setting (enabled, rule's own outcome) if none. */
    public ClauseSetting clause(String id) {
        return clauses.getOrDefault(id, ClauseSetting.DEFAULT);
    }

    /**
     * Working hours: from {@code start} (inclusive) to {@code end} (exclusive) on {@code days}.
     *
     * @param days the working days
     * @param start first minute of work
     * @param end first minute after work
     */
    public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        /** Copies the days and checks that {@code start} is before {@code end}. */
        public WorkingHours {
            days = Set.copyOf(days);
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("workingHours: start must be before end");
            }
        }

        /** True when {@code time} on {@code day} is within working hours. */
        public boolean covers(DayOfWeek day, LocalTime time) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
    }

    /**
     * Closed dates {@code from..to}, inclusive at both ends; a single date has {@code from == to}.
     *
     * @param from first closed date
     * @param to last closed date
     */
    public record DateRange(LocalDate from, LocalDate to) {
        /** Checks that {@code from} is not after {@code to}. */
        public DateRange {
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("closed dates: " + from + " is after " + to);
            }
        }

        /** True when {@code date} is within the range. */
        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /**
     * Someone to contact.
     *
     * @param name a name the tip can use ("Dawn Hufton or school staff"), never null
     * @param phone a phone number, or "" when the contact has none (Evidence for Learning)
     */
    public record Contact(String name, String phone) {
        /** Checks that neither part is null. */
        public Contact {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(phone, "phone");
        }
    }

    /**
     * The contacts that tips refer to.
     *
     * @param schoolOffice for absences, appointments, pick-up and drop-off (policy 5.4)
     * @param school the school's main number, for urgent matters (policy 4.2)
     * @param nursingTeam for medication and feeds (policy 5.5)
     * @param evidenceForLearning where parents share photos (policy 4.12)
     */
    public record Contacts(Contact schoolOffice, Contact school, Contact nursingTeam, Contact evidenceForLearning) {
        /** Checks that no contact is null. */
        public Contacts {
            Objects.requireNonNull(schoolOffice, "schoolOffice");
            Objects.requireNonNull(school, "school");
            Objects.requireNonNull(nursingTeam, "nursingTeam");
            Objects.requireNonNull(evidenceForLearning, "evidenceForLearning");
        }
    }

    /**
     * A class.
     *
     * @param id the id messages carry in {@code classId}
     * @param name its name ("Oak Class")
     * @param teachers sender ids of its teachers; empty when the school does not list them
     * @param children its children, whose names are personal data
     */
    public record SchoolClass(String id, String name, List<String> teachers, List<Child> children) {
        /** Copies the lists. */
        public SchoolClass {
            teachers = List.copyOf(teachers);
            children = List.copyOf(children);
        }
    }

    /**
     * A child on the roster. Personal data: never logged, never repeated in a tip.
     *
     * @param name the child's full name
     * @param aliases other names they go by
     */
    public record Child(String name, List<String> aliases) {
        /** Copies the aliases. */
        public Child {
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
        }

        /** Redacted: a child's name is personal data. */
        @Override
        public String toString() {
            return "Child[redacted]";
        }
    }

    /**
     * A school's setting for one clause.
     *
     * @param enabled false switches the clause off: it is never cited
     * @param outcome replaces the outcome the rules give, or null to keep it
     * @param redirectTo the route to use when {@code outcome} is REDIRECT (it wins over the rule's own route), or null
     * @param shadow true to trial the clause: its reason is reported, marked, without changing the decision
     * @param threshold the score at which the semantic tier's classifiers for this clause find what it is
     *     about (strictly between 0 and 1), or null for the trained default; only for clauses the tier
     *     classifies (3.2.1, 4.1, 4.2, 4.3, 5.4, 5.5)
     */
    public record ClauseSetting(boolean enabled, Outcome outcome, Route redirectTo, boolean shadow, Double threshold) {
        /** Enabled and enforced, with the rules' own outcome. */
        public static final ClauseSetting DEFAULT = new ClauseSetting(true, null, null, false, null);

        /** @throws IllegalArgumentException if {@code threshold} is not strictly between 0 and 1 */
        public ClauseSetting {
            if (threshold != null && !(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be between 0 and 1 (exclusive): " + threshold);
            }
        }

        /** A setting with the trained threshold. */
        public ClauseSetting(boolean enabled, Outcome outcome, Route redirectTo, boolean shadow) {
            this(enabled, outcome, redirectTo, shadow, null);
        }

        /** An enforced setting with the trained threshold. */
        public ClauseSetting(boolean enabled, Outcome outcome, Route redirectTo) {
            this(enabled, outcome, redirectTo, false, null);
        }
    }

    /**
     * A school's changes to one word list.
     *
     * @param add extra phrases that find this kind ("code red" for urgency)
     * @param ignore phrases that cancel a match they overlap ("urgent care centre")
     */
    public record WordList(List<String> add, List<String> ignore) {
        /** Copies the lists. */
        public WordList {
            add = List.copyOf(add);
            ignore = List.copyOf(ignore);
        }
    }

    /**
     * True when {@code name} is also an ordinary word (Will, May, Grace) that Hallpass takes as a
     * child's name only where it is used as one ("Will is off sick", not "will you").
     */
    public static boolean isWordName(String name) {
        return DetectorSetup.isOrdinaryWord(name);
    }
}
