package dev.hallpass.bench;

import dev.hallpass.Attachment;
import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import dev.hallpass.SchoolProfile;
import dev.hallpass.facts.Audience;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The default policy's decisions, hand-coded in plain Java, for the benchmark's inputs ({@link
 * Inputs}): the baseline the engine is measured against (issue 7: evaluate within 3x of it).
 *
 * <p>It is deliberately the least a hand-written checker would do and no less: one lower-casing of
 * the text, {@code contains} checks against short word lists that cover the benchmark inputs, a
 * single linear scan for phone numbers, case-sensitive roster-name checks, and the twelve clause
 * files' conditions as {@code if} statements, combined the way the engine's combiner does (one
 * reason per clause, most severe first then clause order, the route by precedence, obligations in
 * reason order). Its word lists are not the engine's lexicon: on other text it may disagree with the
 * engine. {@code HandCodedPolicyTest} checks that it agrees on every benchmark input.
 *
 * <p>Immutable and thread-safe.
 */
final class HandCodedPolicy {
    private static final String[] ABSENCE = {"off sick", "off school", "sick today", "tummy bug", "absent", "won't be in",
        "wont be in", "not coming in", "poorly today"};
    private static final String[] URGENCY = {"urgent", "asap", "as soon as possible", "call me back", "ring me back",
        "need an answer today", "emergency", "straight away"};
    private static final String[] ABUSE = {"pathetic", "useless", "a joke", "idiot", "disgrace", "rubbish"};
    private static final String[] MEDICINE = {"inhaler", "dose", "medicine", "medication", "tablets", "feeds"};
    private static final String[] CHANGE = {"changed", "change", "increase", "reduce", "stop", "start"};
    private static final String[] SAFEGUARDING = {"bruise", "hit him", "hit her", "unsafe at home", "self harm"};
    private static final String[] SENSITIVE = {"diagnosis", "adhd", "autism", "ehcp", "divorce", "custody", "bereavement",
        "free school meals", "debt"};
    /** One-word roster names that are also ordinary words: counted only when capitalised mid-sentence. */
    private static final Set<String> ORDINARY = Set.of("Will", "Grace", "May");

    private final SchoolProfile profile;
    private final List<String> names = new ArrayList<>();
    private final Set<String> schoolNumbers = new HashSet<>();

    HandCodedPolicy(SchoolProfile profile) {
        this.profile = profile;
        for (SchoolProfile.SchoolClass c : profile.classes()) {
            for (SchoolProfile.Child child : c.children()) {
                names.add(child.name());
                names.add(child.name().split(" ")[0]);
                names.addAll(child.aliases());
            }
        }
        SchoolProfile.Contacts contacts = profile.contacts();
        for (SchoolProfile.Contact contact : List.of(contacts.schoolOffice(), contacts.school(), contacts.nursingTeam())) {
            schoolNumbers.add(contact.phone().replace(" ", ""));
        }
    }

    Verdict decide(ProposedMessage m) {
        String text = m.text();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean name = anyName(text);
        boolean phone = hasPhone(text);
        boolean absence = any(lower, ABSENCE);
        boolean urgency = any(lower, URGENCY) && !lower.contains("not urgent");
        boolean abuse = any(lower, ABUSE);
        boolean medication = any(lower, MEDICINE) && any(lower, CHANGE);
        boolean safeguarding = any(lower, SAFEGUARDING);
        boolean sensitive = any(lower, SENSITIVE);
        boolean media = false;
        for (Attachment a : m.attachments()) {
            media |= a.type() == AttachmentType.PHOTO || a.type() == AttachmentType.VIDEO;
        }

        Channel channel = m.channel();
        Role role = m.sender().role();
        boolean many = channel.audience() == Audience.MANY_PARENTS;
        boolean parent = role == Role.PARENT;
        Reasons r = new Reasons();
        if (channel == Channel.SCHOOL_STORY && role != Role.SCHOOL_LEADER && role != Role.OFFICE_STAFF) {
            r.add("3.1.1", Outcome.BLOCK, null, null);
        }
        if (channel == Channel.CLASS_STORY && (role != Role.TEACHER || !teaches(m))) {
            r.add("3.1.2", Outcome.BLOCK, null, null);
        }
        if (many && phone) {
            r.add("3.2.1", Outcome.REDIRECT, Route.PRIVATE_CHAT, null);
        }
        if (abuse) {
            r.add("4.1", Outcome.WARN, null, Obligation.LEADERSHIP_REVIEW);
        }
        if (parent && urgency) {
            r.add("4.2", Outcome.REDIRECT, Route.PHONE_SCHOOL, null);
        }
        if (safeguarding) {
            r.add("4.3", many ? Outcome.REDIRECT : Outcome.ALLOW, many ? Route.PRIVATE_CHAT : null, Obligation.SAFEGUARDING_REVIEW);
        }
        if (role == Role.HLTA) {
            r.add("4.4", Outcome.BLOCK, null, null);
        }
        if (!profile.isWorkingTime(m.sentAt())) {
            r.add("4.7", Outcome.WARN, null, Obligation.DEFER_UNTIL_WORKING_HOURS);
        }
        if (many && (sensitive || medication)) {
            r.add("4.9", Outcome.REDIRECT, Route.PRIVATE_CHAT, null);
        }
        if (many && (name || (media && !parent))) {
            r.add("4.12", Outcome.REDIRECT, Route.PRIVATE_CHAT, null);
        } else if (many && media && parent) {
            r.add("4.12", Outcome.REDIRECT, Route.EVIDENCE_FOR_LEARNING, null);
        }
        if (parent && absence) {
            r.add("5.4", Outcome.REDIRECT, Route.PHONE_SCHOOL_OFFICE, null);
        }
        if (parent && medication) {
            r.add("5.5", Outcome.REDIRECT, Route.PHONE_NURSING_TEAM, null);
        }
        return r.verdict();
    }

    private boolean teaches(ProposedMessage m) {
        return profile.schoolClass(m.classId())
                .map(c -> c.teachers().isEmpty() || (m.sender().id() != null && c.teachers().contains(m.sender().id())))
                .orElse(true);
    }

    private boolean anyName(String text) {
        for (String n : names) {
            int at = text.indexOf(n);
            while (at >= 0) {
                boolean before = at == 0 || !Character.isLetter(text.charAt(at - 1));
                int end = at + n.length();
                boolean after = end == text.length() || !Character.isLetter(text.charAt(end));
                boolean sentenceStart = at == 0 || (at >= 2 && ".!?".indexOf(text.charAt(at - 2)) >= 0);
                if (before && after && !(ORDINARY.contains(n) && sentenceStart)) {
                    return true;
                }
                at = text.indexOf(n, at + 1);
            }
        }
        return false;
    }

    /** A UK number: 0 then 9 or 10 more digits, single spaces allowed between them; not the school's own. */
    private boolean hasPhone(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '0' || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                continue;
            }
            StringBuilder digits = new StringBuilder(12);
            int j = i;
            while (j < n && digits.length() < 12) {
                char c = text.charAt(j);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                } else if (c != ' ' || j + 1 >= n || !Character.isDigit(text.charAt(j + 1))) {
                    break;
                }
                j++;
            }
            if ((digits.length() == 10 || digits.length() == 11) && !schoolNumbers.contains(digits.toString())) {
                return true;
            }
            i = j;
        }
        return false;
    }

    private static boolean any(String lower, String[] phrases) {
        for (String p : phrases) {
            if (lower.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The reasons found so far, kept in the decision's order as they are added. */
    private static final class Reasons {
        private final List<String> clauses = new ArrayList<>(4);
        private final List<Outcome> outcomes = new ArrayList<>(4);
        private final List<Route> routes = new ArrayList<>(4);
        private final List<Obligation> obligations = new ArrayList<>(4);

        /** Clauses arrive in clause order; an insertion sort by severity keeps that order among equals. */
        void add(String clause, Outcome outcome, Route route, Obligation obligation) {
            int at = clauses.size();
            while (at > 0 && outcome.isMoreSevereThan(outcomes.get(at - 1))) {
                at--;
            }
            clauses.add(at, clause);
            outcomes.add(at, outcome);
            routes.add(at, route);
            obligations.add(at, obligation);
        }

        Verdict verdict() {
            Outcome outcome = Outcome.ALLOW;
            Route route = null;
            EnumSet<Obligation> seen = EnumSet.noneOf(Obligation.class);
            List<Obligation> ordered = new ArrayList<>(2);
            for (int i = 0; i < clauses.size(); i++) {
                outcome = outcome.max(outcomes.get(i));
                Route r = routes.get(i);
                if (r != null && (route == null || r.precedes(route))) {
                    route = r;
                }
                Obligation o = obligations.get(i);
                if (o != null && seen.add(o)) {
                    ordered.add(o);
                }
            }
            return new Verdict(outcome, outcome == Outcome.REDIRECT ? route : null, clauses, ordered);
        }
    }
}
