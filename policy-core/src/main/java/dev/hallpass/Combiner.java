package dev.hallpass;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import dev.hallpass.SchoolProfile.ClauseSetting;
import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the clause matches the rules inferred into a decision, exactly as contract §3 says: one
 * reason per clause, the school's clause settings applied, reasons most severe first then in clause
 * order, the decision's route by the contract's precedence, and every reason's obligations.
 */
final class Combiner {
    /** Text spans first by position, then attachments by index; kind and label break ties. Written out: it runs per finding. */
    private static final Comparator<Finding> EVIDENCE_ORDER = (a, b) -> {
        int c = Boolean.compare(a.isAttachment(), b.isAttachment());
        if (c == 0) {
            c = Integer.compare(a.start(), b.start());
        }
        if (c == 0) {
            c = Integer.compare(a.end(), b.end());
        }
        if (c == 0) {
            c = Integer.compare(a.attachment(), b.attachment());
        }
        if (c == 0) {
            c = a.kind().compareTo(b.kind());
        }
        return c != 0 ? c : a.label().compareTo(b.label());
    };

    /** Enforced before shadow, most severe first, then clause order. */
    private static final Comparator<Reason> REASON_ORDER = (a, b) -> {
        int c = Boolean.compare(a.shadow(), b.shadow());
        if (c == 0) {
            c = b.outcome().compareTo(a.outcome());
        }
        return c != 0 ? c : Catalogue.compareIds(a.clause(), b.clause());
    };

    private final SchoolProfile profile;
    private final Catalogue catalogue;
    private final Tips tips;

    Combiner(SchoolProfile profile, Catalogue catalogue) {
        this.profile = profile;
        this.catalogue = catalogue;
        this.tips = new Tips(profile);
    }

    Decision combine(String messageId, List<ClauseMatch> matches) {
        // Grouped by clause in first-seen order; a message has a handful of matches, so a list
        // searched linearly, not a map.
        List<String> clauses = new ArrayList<>(matches.size());
        List<List<ClauseMatch>> byClause = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            ClauseMatch m = matches.get(i);
            int at = clauses.indexOf(m.clause());
            if (at < 0) {
                clauses.add(m.clause());
                byClause.add(new ArrayList<>(2));
                at = clauses.size() - 1;
            }
            byClause.get(at).add(m);
        }
        List<Reason> reasons = new ArrayList<>(clauses.size());
        for (int k = 0; k < clauses.size(); k++) {
            ClauseSetting setting = profile.clause(clauses.get(k));
            if (setting.enabled()) {
                reasons.add(reason(clauses.get(k), byClause.get(k), setting));
            }
        }
        reasons.sort(REASON_ORDER);
        return decide(messageId, reasons);
    }

    /** One reason from all of a clause's matches: the strictest outcome, the first route, all evidence. */
    private Reason reason(String clause, List<ClauseMatch> matches, ClauseSetting setting) {
        Outcome outcome = Outcome.ALLOW;
        Route route = null;
        // Plain lists, not sets: a reason has a handful of each, and this runs for every reason.
        List<Obligation> obligations = new ArrayList<>(2);
        List<Finding> evidence = new ArrayList<>(matches.size());
        for (ClauseMatch m : matches) {
            outcome = outcome.max(m.outcome());
            if (m.route() != null && (route == null || m.route().precedes(route))) {
                route = m.route();
            }
            addNew(obligations, m.obligations());
            evidence.addAll(m.evidence());
        }
        // In the enum's order, not the order rules happened to fire in: a decision must not depend on it.
        obligations.sort(null);
        if (setting.outcome() != null) {
            outcome = setting.outcome();
        }
        if (outcome == Outcome.REDIRECT) {
            route = setting.redirectTo() != null ? setting.redirectTo() : route != null ? route : Route.PRIVATE_CHAT;
        } else {
            route = null;
        }
        Route finalRoute = route;
        String template = catalogue.clause(clause).map(c -> c.tipFor(finalRoute)).orElse("");
        return new Reason(clause, outcome, route, tips.render(template), evidence(evidence), obligations, setting.shadow());
    }

    /** Adds each of {@code more} not already in {@code list}, keeping first-seen order. */
    private static <T> void addNew(List<T> list, List<T> more) {
        for (int i = 0; i < more.size(); i++) {
            T t = more.get(i);
            if (!list.contains(t)) {
                list.add(t);
            }
        }
    }

    /**
     * The findings in evidence order, each once (two findings the order cannot tell apart are one
     * piece of evidence; the first kept), as evidence.
     */
    private static List<Evidence> evidence(List<Finding> findings) {
        if (findings.size() > 1) {
            findings.sort(EVIDENCE_ORDER); // stable: of equal findings the first stays first
        }
        List<Evidence> out = new ArrayList<>(findings.size());
        Finding previous = null;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (previous == null || EVIDENCE_ORDER.compare(previous, f) != 0) {
                out.add(Evidence.of(f));
                previous = f;
            }
        }
        return out;
    }

    /** {@code d} with one more (enforced) reason, placed by severity after reasons of the same outcome. */
    static Decision withReason(Decision d, Reason extra) {
        List<Reason> reasons = new ArrayList<>(d.reasons());
        int at = 0;
        while (at < reasons.size() && !reasons.get(at).shadow() && reasons.get(at).outcome().compareTo(extra.outcome()) >= 0) {
            at++;
        }
        reasons.add(at, extra);
        return decide(d.id(), reasons);
    }

    /** The decision from reasons already in order; shadow reasons are reported but decide nothing. */
    static Decision decide(String messageId, List<Reason> sortedReasons) {
        Outcome outcome = Outcome.ALLOW;
        Route route = null;
        List<Obligation> obligations = new ArrayList<>(2);
        for (Reason r : sortedReasons) {
            if (r.shadow()) {
                continue;
            }
            outcome = outcome.max(r.outcome());
            if (r.outcome() == Outcome.REDIRECT && (route == null || r.redirectTo().precedes(route))) {
                route = r.redirectTo();
            }
            addNew(obligations, r.obligations());
        }
        return new Decision(messageId, outcome, outcome == Outcome.REDIRECT ? route : null, sortedReasons, obligations);
    }
}
