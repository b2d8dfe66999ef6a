package dev.hallpass;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one summary tip of a decision (contract §7.2): it leads with what the sender should do (the
 * decision's route), and no two of its sentences contradict each other.
 *
 * <ul>
 *   <li>BLOCK: the tip of the clause that blocks; for an HLTA only {@value #NO_ACCESS_CLAUSE}'s
 *       (they have no access at all, so "use the class chat" would contradict it).
 *   <li>REDIRECT: the decision's one route as an instruction, then why, from the reasons that take
 *       that route (the first sentence of each tip); reasons that would send it elsewhere are left
 *       to the reason list. Out of hours, a phone route says the phone may not be answered yet.
 *   <li>WARN: each warning's tip. A closed date is called a closed date, not "outside working
 *       hours"; a safeguarding concern sent out of hours is passed to the school's safeguarding
 *       procedure now, while delivery to the teacher waits.
 * </ul>
 *
 * Only catalogue tips and profile values enter a summary, never the message text, so it cannot
 * repeat a child's name. Thread-safe.
 */
final class Summary {
    /** The clause that says HLTAs have no access to the app. */
    static final String NO_ACCESS_CLAUSE = "4.4";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private final SchoolProfile profile;
    private final Tips tips;

    Summary(SchoolProfile profile) {
        this.profile = profile;
        this.tips = new Tips(profile);
    }

    /** The summary for {@code d}, or null when it is ALLOW. */
    String of(Decision d, ProposedMessage m) {
        if (d.outcome() == Outcome.ALLOW) {
            return null;
        }
        List<Reason> enforced = d.reasons();
        for (Reason r : enforced) {
            if (r.shadow()) { // most decisions have no shadow reason: no copy then
                enforced = d.reasons().stream().filter(x -> !x.shadow()).toList();
                break;
            }
        }
        if (d.outcome() == Outcome.BLOCK) {
            return block(enforced, m.sender().role());
        }
        boolean deferred = d.obligations().contains(Obligation.DEFER_UNTIL_WORKING_HOURS);
        // The local date is said only of a deferred message (a zone conversion is not free).
        LocalDate date = deferred ? m.sentAt().atZone(profile.timezone()).toLocalDate() : null;
        boolean closed = deferred && profile.isClosed(date);
        boolean safeguarding = d.obligations().contains(Obligation.SAFEGUARDING_REVIEW);
        List<String> sentences = new ArrayList<>();
        if (d.outcome() == Outcome.REDIRECT) {
            Route route = d.redirectTo();
            sentences.add(tips.render(lead(route, m.sender().role())));
            for (Reason r : enforced) {
                if (r.outcome() == Outcome.REDIRECT && r.redirectTo() == route) {
                    addNew(sentences, firstSentence(r.message()));
                }
            }
            if (safeguarding && deferred) {
                sentences.add(safeguardingNow(closed, date));
            } else if (deferred && route.isPhone()) {
                sentences.add(closed
                        ? "The school is closed on " + DAY.format(date) + " (policy 4.7), so the phone may not be answered until the next working day."
                        : tips.render("It's outside school working hours ({workingHours}, policy 4.7), so the phone may not be answered until the next working day."));
            } else if (deferred) {
                sentences.add(waitSentence(closed, date));
            }
            return String.join(" ", sentences);
        }
        // WARN: each warning, with the out-of-hours one said truly.
        if (safeguarding && deferred) {
            sentences.add("Thank you for telling us.");
            sentences.add(safeguardingNow(closed, date));
            sentences.add(tips.render("If it's urgent, please also call {school} on {school.phone}."));
        }
        for (Reason r : enforced) {
            if (r.outcome() != Outcome.WARN) {
                continue;
            }
            if (r.obligations().contains(Obligation.DEFER_UNTIL_WORKING_HOURS)) {
                if (!safeguarding) {
                    addNew(sentences, closed ? waitSentence(true, date) : r.message());
                }
            } else {
                addNew(sentences, r.message());
            }
        }
        return String.join(" ", sentences);
    }

    private static String block(List<Reason> enforced, Role role) {
        Reason chosen = null;
        for (Reason r : enforced) {
            if (r.outcome() != Outcome.BLOCK) {
                continue;
            }
            if (chosen == null || (role == Role.HLTA && r.clause().equals(NO_ACCESS_CLAUSE))) {
                chosen = r;
            }
        }
        return chosen == null ? "" : chosen.message();
    }

    /** What to do instead, for the route: the summary's first sentence. */
    private static String lead(Route route, Role role) {
        boolean parent = role == Role.PARENT;
        return switch (route) {
            case PRIVATE_CHAT -> parent
                    ? "Please send this to the class teacher in a private chat instead."
                    : "Please send this in a private chat with the family it concerns instead.";
            case EVIDENCE_FOR_LEARNING -> "Please share this with the class teacher through {evidenceForLearning.name} instead.";
            case PHONE_SCHOOL -> "Please telephone {school} on {school.phone} and speak to a staff member instead of sending this.";
            case PHONE_SCHOOL_OFFICE -> "Please call {schoolOffice.name} on {schoolOffice.phone} instead of sending this.";
            case PHONE_NURSING_TEAM -> "Please call {nursingTeam.name} on {nursingTeam.phone} instead of sending this.";
        };
    }

    private static String waitSentence(boolean closed, LocalDate date) {
        return closed
                ? "The school is closed on " + DAY.format(date) + " (policy 4.7): your message will be seen on the next working day."
                : "It's outside school working hours (policy 4.7): your message will be seen on the next working day.";
    }

    private static String safeguardingNow(boolean closed, LocalDate date) {
        return "Your concern is passed to the school's safeguarding procedure now (policy 4.3); "
                + (closed ? "the school is closed on " + DAY.format(date) : "it's outside school working hours")
                + ", so delivery to the teacher waits until the next working day (policy 4.7).";
    }

    /** The tip's first sentence: up to the first full stop that ends a sentence, or all of it. */
    static String firstSentence(String tip) {
        int depth = 0;
        for (int i = 0; i < tip.length(); i++) {
            char c = tip.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if ((c == '.' || c == '!' || c == '?') && depth == 0 && (i + 1 == tip.length() || tip.charAt(i + 1) == ' ')) {
                return tip.substring(0, i + 1);
            }
        }
        return tip;
    }

    private static void addNew(List<String> sentences, String s) {
        if (!s.isBlank() && !sentences.contains(s)) {
            sentences.add(s);
        }
    }
}
