package dev.hallpass;

import dev.hallpass.facts.Route;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One numbered clause of the policy, as the clause catalogue records it.
 *
 * @param id the clause number ("4.12")
 * @param title a short title
 * @param text the clause text
 * @param enforced true when rule files decide on messages for it; false when it is informational
 * @param rules the rule files that enforce it (empty when informational)
 * @param reason for an informational clause, why no message can break it or how it is honoured
 * @param tip the tip template shown when it applies ({@code {schoolOffice.phone}} and the like are
 *     filled in from the profile); "" when informational
 * @param tipsByRoute tip templates for particular redirect routes, overriding {@code tip}
 * @param decidedByContext true when the clause is decided by who sends, where and when (3.1.1,
 *     4.4, 4.7), so its reasons carry no evidence; false when it is decided by what the message says
 */
public record Clause(
        String id, String title, String text, boolean enforced, List<String> rules, String reason, String tip,
        Map<Route, String> tipsByRoute, boolean decidedByContext) {

    /** Copies collections and checks that nothing is null. */
    public Clause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        rules = List.copyOf(rules);
        reason = reason == null ? "" : reason;
        tip = tip == null ? "" : tip;
        text = text == null ? "" : text;
        tipsByRoute = Map.copyOf(tipsByRoute);
    }

    /** The tip template for a reason with this route (null for non-REDIRECT). */
    String tipFor(Route route) {
        return route != null && tipsByRoute.containsKey(route) ? tipsByRoute.get(route) : tip;
    }
}
