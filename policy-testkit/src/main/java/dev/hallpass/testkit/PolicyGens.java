package dev.hallpass.testkit;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.hallpass.Attachment;
import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.SchoolProfile;
import dev.hallpass.SchoolProfile.Child;
import dev.hallpass.SchoolProfile.ClauseSetting;
import dev.hallpass.SchoolProfile.Contact;
import dev.hallpass.SchoolProfile.Contacts;
import dev.hallpass.SchoolProfile.SchoolClass;
import dev.hallpass.SchoolProfile.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for policy properties: channels, roles, times (inside and outside a
 * profile's working hours, on closed dates, around clock changes), attachments, texts built from
 * realistic fragments with or without a trigger, whole drafts, and random valid school profiles.
 * They compose with QuickTheories' own and shrink towards simple values (the first fragment, the
 * first channel, the start of the range). Thread-safe; no state.
 */
public final class PolicyGens {
    /** Where generated times start: the 2026/27 school year. */
    private static final LocalDate EPOCH = LocalDate.of(2026, 9, 1);
    private static final int DAYS = 2 * 365;

    private static final List<String> BENIGN = List.of(
            "", "Hi all,", "Morning!", "Thanks so much for organising the trip.",
            "What time does the nativity start on Thursday?", "Does anyone know if it's PE on Monday this week?",
            "Is the cake sale still on after school?", "Lovely assembly this morning, well done everyone 👏",
            "Could we arrange a time to talk about reading at home?", "Will there be a collection for the end of year gift?",
            "I can pick up some leaflets from the office for the PTA stall.", "Reminder: the Christmas fair is on Friday in the hall.",
            "See you all at sports day!", "Has the homework gone out yet?", "Thank you!");

    private static final Map<TriggerKind, List<String>> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put(TriggerKind.CHILD_NAME, List.of(
                "Has anyone seen [[{name}]]'s coat?", "Well done to [[{name}]] for the amazing poem!",
                "Is [[{name}]] coming to the cinema on Saturday?", "[[{name}]]'s mum here, does anyone have the spelling list?",
                "we've ended up with [[{name}]]'s jumper by mistake", "Congratulations [[{name}]] on your swimming badge 🏊"));
        TRIGGERS.put(TriggerKind.PHONE_NUMBER, List.of(
                "You can call me on [[{phone}]] if easier.", "my number is [[{phone}]]", "text me on [[{phone}]] x"));
        TRIGGERS.put(TriggerKind.ABSENCE, List.of(
                "He's [[off sick]] today, sorry.", "She [[won't be in]] tomorrow.", "Just letting you know he [[will be absent]] on Friday."));
        TRIGGERS.put(TriggerKind.MEDICATION, List.of(
                "The GP has changed her [[inhaler]] to the blue one.", "He started [[antibiotics]] last night.",
                "Her [[insulin]] has been increased."));
        TRIGGERS.put(TriggerKind.URGENCY, List.of(
                "[[URGENT]] please can someone ring me back", "I need an answer [[asap]] about the trip.",
                "Please reply [[as soon as possible]]."));
        TRIGGERS.put(TriggerKind.NEGATED_URGENCY, List.of(
                "Not urgent, but when do the reading books change?", "No rush at all, whenever you get a chance.",
                "It's not an emergency, just wondering about the trip.", "nothing urgent – is the library open on Friday?"));
        TRIGGERS.put(TriggerKind.ABUSE, List.of(
                "This is [[pathetic]], sort it out.", "You lot are [[useless]].", "What an [[idiot]]."));
    }

    private static final List<String> NAME_POOL = List.of("Amara Okafor", "Bilal Hussain", "Chen Wei", "Dara Byrne",
            "Esmé Laurent", "Farah Aziz", "Gustav Berg", "Hana Sato", "Inès Moreau", "Jonah Price", "Kasia Nowak",
            "Luca Romano", "Mei Lin", "Nadia Petrova", "Oisín Walsh", "Priya Nair", "Rafael Costa", "Saoirse Kelly",
            "Tariq Malik", "Yusuf Demir", "Zainab Bello");
    private static final List<String> ZONES = List.of("Europe/London", "Europe/Dublin", "Europe/Paris",
            "America/New_York", "Australia/Sydney", "Asia/Kolkata");
    private static final List<String> OVERRIDABLE = List.of("3.2.1", "4.1", "4.2", "4.3", "4.7", "4.9", "4.12", "5.4", "5.5");

    private PolicyGens() {}

    /** Any channel. */
    public static Gen<Channel> channels() {
        return arbitrary().enumValues(Channel.class);
    }

    /** The channels more than one parent can see. */
    public static Gen<Channel> manyParentChannels() {
        return arbitrary().pick(List.of(Channel.CLASS_CHAT, Channel.CLASS_STORY, Channel.SCHOOL_STORY));
    }

    /** Any role. */
    public static Gen<Role> roles() {
        return arbitrary().enumValues(Role.class);
    }

    /** The roles that write in chats: parents and teachers. */
    public static Gen<Role> chatRoles() {
        return arbitrary().pick(List.of(Role.PARENT, Role.TEACHER));
    }

    /** Instants inside the profile's working hours on an open day (any time, if it has no working days). */
    public static Gen<Instant> workingTimes(SchoolProfile profile) {
        WorkingHours h = profile.workingHours();
        int minutes = (int) java.time.Duration.between(h.start(), h.end()).toMinutes();
        return integers().between(0, DAYS - 1).zip(integers().between(0, minutes - 1), (day, minute) -> {
            LocalDate date = nextOpenDay(profile, EPOCH.plusDays(day));
            return date == null ? EPOCH.plusDays(day).atStartOfDay(profile.timezone()).toInstant()
                    : ZonedDateTime.of(date, h.start(), profile.timezone()).plusMinutes(minute).toInstant();
        }).map(i -> profile.isWorkingTime(i) ? i : nudgeIntoHours(profile, i));
    }

    /** Instants outside working hours: early mornings, evenings, weekends and days off. */
    public static Gen<Instant> outsideWorkingTimes(SchoolProfile profile) {
        WorkingHours h = profile.workingHours();
        int before = h.start().getHour() * 60 + h.start().getMinute();
        int after = 24 * 60 - (h.end().getHour() * 60 + h.end().getMinute());
        Gen<Instant> early = integers().between(0, DAYS - 1).zip(integers().between(0, Math.max(0, before - 1)),
                (d, m) -> EPOCH.plusDays(d).atStartOfDay(profile.timezone()).plusMinutes(m).toInstant());
        Gen<Instant> late = integers().between(0, DAYS - 1).zip(integers().between(0, Math.max(0, after - 1)),
                (d, m) -> ZonedDateTime.of(EPOCH.plusDays(d), h.end(), profile.timezone()).plusMinutes(m).toInstant());
        Gen<Instant> dayOff = integers().between(0, DAYS - 1).zip(integers().between(0, 24 * 60 - 1), (d, m) -> {
            LocalDate date = EPOCH.plusDays(d);
            for (int k = 0; k < 7 && h.days().contains(date.getDayOfWeek()) && !profile.isClosed(date); k++) {
                date = date.plusDays(1);
            }
            return date.atStartOfDay(profile.timezone()).plusMinutes(m).toInstant();
        });
        // Clock changes can make a computed local time land inside hours; keep only those outside.
        return early.mix(late).mix(dayOff).map(i -> profile.isWorkingTime(i) ? i.plusSeconds(24 * 3600L * 7 + 13 * 3600L) : i);
    }

    private static LocalDate nextOpenDay(SchoolProfile profile, LocalDate from) {
        LocalDate d = from;
        for (int k = 0; k < 400; k++, d = d.plusDays(1)) {
            if (profile.workingHours().days().contains(d.getDayOfWeek()) && !profile.isClosed(d)) {
                return d;
            }
        }
        return null;
    }

    /** A local time skipped by a clock change: take the first minute of that day's hours instead. */
    private static Instant nudgeIntoHours(SchoolProfile profile, Instant i) {
        ZonedDateTime local = i.atZone(profile.timezone());
        return ZonedDateTime.of(local.toLocalDate(), profile.workingHours().start().plusMinutes(61), profile.timezone()).toInstant();
    }

    /** Instants on a closed date of the profile (none if it has none: use with care). */
    public static Gen<Instant> closedDateTimes(SchoolProfile profile) {
        List<LocalDate> closed = new ArrayList<>();
        profile.closedDates().forEach(r -> {
            for (LocalDate d = r.from(); !d.isAfter(r.to()) && closed.size() < 400; d = d.plusDays(1)) {
                closed.add(d);
            }
        });
        if (closed.isEmpty()) {
            return anyTimes(profile);
        }
        return arbitrary().pick(closed).zip(integers().between(0, 24 * 60 - 1),
                (d, m) -> d.atStartOfDay(profile.timezone()).plusMinutes(m).toInstant());
    }

    /** Instants within three hours either side of the profile timezone's clock changes. */
    public static Gen<Instant> clockChangeTimes(SchoolProfile profile) {
        List<Instant> changes = new ArrayList<>();
        Instant from = EPOCH.atStartOfDay(profile.timezone()).toInstant();
        ZoneOffsetTransition t = profile.timezone().getRules().nextTransition(from);
        while (t != null && changes.size() < 6) {
            changes.add(t.getInstant());
            t = profile.timezone().getRules().nextTransition(t.getInstant());
        }
        if (changes.isEmpty()) {
            return anyTimes(profile);
        }
        return arbitrary().pick(changes).zip(integers().between(-180, 180), (c, m) -> c.plusSeconds(60L * m));
    }

    /** Any instant over two school years, to the minute, local to the profile. */
    public static Gen<Instant> anyTimes(SchoolProfile profile) {
        ZoneId zone = profile.timezone();
        return integers().between(0, DAYS - 1).zip(integers().between(0, 24 * 60 - 1),
                (day, minute) -> ZonedDateTime.of(EPOCH.plusDays(day), LocalTime.MIDNIGHT, zone).plusMinutes(minute).toInstant());
    }

    /** Mostly working times, with evenings, weekends, closed dates and clock changes mixed in. */
    public static Gen<Instant> times(SchoolProfile profile) {
        return workingTimes(profile).mix(outsideWorkingTimes(profile), 25).mix(closedDateTimes(profile), 10)
                .mix(clockChangeTimes(profile), 10);
    }

    /** Up to three attachments of any type; usually none. */
    public static Gen<List<Attachment>> attachments() {
        Gen<Attachment> one = arbitrary().enumValues(AttachmentType.class).zip(integers().between(1, 99),
                (type, n) -> new Attachment(type, type.name().toLowerCase(Locale.ROOT) + "-" + n));
        return Generate.constant((List<Attachment>) List.<Attachment>of()).mix(lists().of(one).ofSizeBetween(1, 3), 20);
    }

    /**
     * The roster's names in the forms people type them (full, first, alias, lower case, capitals),
     * leaving out names that are also ordinary words (their detection rests on capitals and
     * context). Falls back to a made-up pupil's name when the roster has none.
     */
    public static Gen<String> rosterNames(SchoolProfile profile) {
        List<String> forms = new ArrayList<>();
        for (SchoolClass c : profile.classes()) {
            for (Child child : c.children()) {
                List<String> names = new ArrayList<>(child.aliases());
                names.add(child.name());
                names.add(child.name().split("\\s+")[0]);
                for (String n : names) {
                    if (!SchoolProfile.isWordName(n) && n.length() > 1) {
                        forms.add(n);
                        forms.add(n.toLowerCase(Locale.ROOT));
                        forms.add(n.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return forms.isEmpty() ? Generate.constant("Kacper") : arbitrary().pick(forms);
    }

    /** Texts built around one kind of trigger (or none), with the trigger located. */
    public static Gen<TextSample> texts(TriggerKind kind, SchoolProfile profile) {
        Gen<String> before = arbitrary().pick(BENIGN);
        Gen<String> after = arbitrary().pick(BENIGN);
        if (kind == TriggerKind.NONE) {
            // Never empty, without an assumption: QuickTheories tries the simplest values first
            // (both picks ""), and rejecting those could exhaust its attempts before one example.
            Gen<String> nonEmpty = arbitrary().pick(BENIGN.subList(1, BENIGN.size()));
            return before.zip(nonEmpty, (a, b) -> new TextSample(join(a, b), TriggerKind.NONE, -1, -1));
        }
        Gen<String> fragment = arbitrary().pick(TRIGGERS.get(kind));
        Gen<String> names = rosterNames(profile);
        Gen<String> phones = integers().between(0, 999).zip(arbitrary().pick(List.of("07700 900%03d", "+44 7700 900%03d", "07700900%03d")),
                (n, f) -> String.format(Locale.ROOT, f, n));
        return before.zip(fragment, after, names.zip(phones, (n, p) -> new String[] {n, p}),
                (a, f, b, fill) -> place(a, f.replace("{name}", fill[0]).replace("{phone}", fill[1]), b, kind));
    }

    /** Texts of every kind: benign ones, and ones with each kind of trigger. */
    public static Gen<TextSample> texts(SchoolProfile profile) {
        return arbitrary().enumValues(TriggerKind.class).flatMap(k -> texts(k, profile));
    }

    /**
     * Whole drafts for the profile: any channel and role, a sender id that teaches the class when
     * the role is TEACHER, a text of any kind, sometimes attachments, at any of {@link #times}.
     */
    public static Gen<Draft> drafts(SchoolProfile profile) {
        return drafts(profile, texts(profile));
    }

    /** Drafts whose text comes from {@code texts}. */
    public static Gen<Draft> drafts(SchoolProfile profile, Gen<TextSample> texts) {
        List<SchoolClass> classes = profile.classes();
        Gen<Integer> classIndex = integers().between(0, Math.max(0, classes.size() - 1));
        return channels().zip(roles(), texts, classIndex, times(profile).zip(attachments(), (t, a) -> new Object[] {t, a}),
                (channel, role, sample, ci, ta) -> {
                    SchoolClass c = classes.isEmpty() ? null : classes.get(ci);
                    String classId = c == null ? null : c.id();
                    String sender = role == Role.TEACHER && c != null && !c.teachers().isEmpty() ? c.teachers().get(0) : "s-1";
                    @SuppressWarnings("unchecked")
                    List<Attachment> attachments = (List<Attachment>) ta[1];
                    return Draft.of(channel, role, sender, classId, sample, attachments, (Instant) ta[0]);
                });
    }

    /**
     * Random valid profiles: one to three classes of one to five children from a pool of names that
     * are not ordinary words, working hours from 07:30–09:00 to 15:00–18:00 on four or five days,
     * a timezone with or without clock changes (northern and southern), fictional contacts, and
     * sometimes a clause switched off or softened to WARN.
     */
    public static Gen<SchoolProfile> profiles() {
        Gen<List<Integer>> rosterShape = lists().of(integers().between(1, 5)).ofSizeBetween(1, 3);
        Gen<int[]> hours = integers().between(0, 3).zip(integers().between(0, 6), integers().between(0, 1),
                (s, e, d) -> new int[] {s, e, d});
        Gen<Map<String, ClauseSetting>> overrides = integers().between(0, OVERRIDABLE.size() * 3 - 1).map(n -> {
            Map<String, ClauseSetting> m = new LinkedHashMap<>();
            if (n < OVERRIDABLE.size()) {
                m.put(OVERRIDABLE.get(n), new ClauseSetting(false, null, null));
            } else if (n < OVERRIDABLE.size() * 2) {
                m.put(OVERRIDABLE.get(n - OVERRIDABLE.size()), new ClauseSetting(true, Outcome.WARN, null));
            }
            return m;
        });
        return rosterShape.zip(hours, arbitrary().pick(ZONES), overrides, integers().between(0, NAME_POOL.size() - 1),
                (shape, h, zone, clauses, offset) -> {
                    List<SchoolClass> classes = new ArrayList<>();
                    int next = offset;
                    for (int ci = 0; ci < shape.size(); ci++) {
                        List<Child> children = new ArrayList<>();
                        for (int k = 0; k < shape.get(ci); k++) {
                            children.add(new Child(NAME_POOL.get(next++ % NAME_POOL.size()), List.of()));
                        }
                        classes.add(new SchoolClass("c" + ci, "Class " + (ci + 1), List.of("t-c" + ci), children));
                    }
                    Set<DayOfWeek> days = h[2] == 0 ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                            : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
                    WorkingHours wh = new WorkingHours(days, LocalTime.of(7, 30).plusMinutes(30L * h[0]), LocalTime.of(15, 0).plusMinutes(30L * h[1]));
                    Contacts contacts = new Contacts(new Contact("the school office", "01632 960100"),
                            new Contact("the school", "01632 960100"), new Contact("the school nurse", "01632 960101"),
                            new Contact("the Evidence for Learning app", ""));
                    return SchoolProfile.builder().school("Generated School").timezone(ZoneId.of(zone)).workingHours(wh)
                            .closedDates(List.of(new SchoolProfile.DateRange(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1))))
                            .contacts(contacts).classes(classes).clauses(clauses).build();
                });
    }

    private static String join(String a, String b) {
        return (a + " " + b).trim();
    }

    private static TextSample place(String before, String fragment, String after, TriggerKind kind) {
        int open = fragment.indexOf("[[");
        int close = fragment.indexOf("]]");
        String plain = fragment.replace("[[", "").replace("]]", "");
        String prefix = before.isEmpty() ? "" : before + " ";
        String text = prefix + plain + (after.isEmpty() ? "" : " " + after);
        if (open < 0) {
            return new TextSample(text, kind, -1, -1);
        }
        return new TextSample(text, kind, prefix.length() + open, prefix.length() + close - 2);
    }
}
