package dev.hallpass;

import dev.hallpass.SchoolProfile.ClauseSetting;
import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        Map<String, List<ClauseMatch>> byClause = new LinkedHashMap<>();
        for (ClauseMatch m : matches) {
            byClause.computeIfAbsent(m.clause(), k -> new ArrayList<>()).add(m);
        }
        List<Reason> reasons = new ArrayList<>();
        byClause.forEach((clause, ms) -> {
            ClauseSetting setting = profile.clause(clause);
            if (setting.enabled()) {
                reasons.add(reason(clause, ms, setting));
            }
        });
        reasons.sort(REASON_ORDER);
        return decide(messageId, reasons);
    }

    /** One reason from all of a clause's matches: the strictest outcome, the first route, all evidence. */
    private Reason reason(String clause, List<ClauseMatch> matches, ClauseSetting setting) {
        Outcome outcome = Outcome.ALLOW;
        Route route = null;
        Set<Obligation> obligations = new LinkedHashSet<>();
        Set<Finding> evidence = new TreeSet<>(EVIDENCE_ORDER);
        for (ClauseMatch m : matches) {
            outcome = outcome.max(m.outcome());
            if (m.route() != null && (route == null || m.route().precedes(route))) {
                route = m.route();
            }
            obligations.addAll(m.obligations());
            evidence.addAll(m.evidence());
        }
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
        List<Evidence> ev = evidence.stream().map(Evidence::of).toList();
        return new Reason(clause, outcome, route, tips.render(template), ev, List.copyOf(obligations), setting.shadow());
    }

    /** The decision from reasons already in order; shadow reasons are reported but decide nothing. */
    static Decision decide(String messageId, List<Reason> sortedReasons) {
        Outcome outcome = Outcome.ALLOW;
        Route route = null;
        Set<Obligation> obligations = new LinkedHashSet<>();
        for (Reason r : sortedReasons) {
            if (r.shadow()) {
                continue;
            }
            outcome = outcome.max(r.outcome());
            if (r.outcome() == Outcome.REDIRECT && (route == null || r.redirectTo().precedes(route))) {
                route = r.redirectTo();
            }
            obligations.addAll(r.obligations());
        }
        return new Decision(messageId, outcome, outcome == Outcome.REDIRECT ? route : null, sortedReasons, List.copyOf(obligations));
    }
}
