package dev.hallpass;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one proposed message (contract §3). Built by the engine; immutable.
 *
 * @param id the message's id
 * @param outcome the most severe reason's outcome, or ALLOW when no reason applied
 * @param redirectTo the route when the outcome is REDIRECT (by the contract's precedence), else null
 * @param reasons one per clause that applied, most severe first, then in clause order
 * @param obligations every reason's obligations, without repeats, in reason order
 * @param message one summary tip for the sender (contract §7.2), leading with what to do; null when
 *     the outcome is ALLOW. Never repeats a child's name or the message text
 * @param rewrite the text with children's names and contact details replaced by neutral words, which the
 *     engine has checked is itself allowed; null unless every reason against the message is about
 *     names or contact details in a shared channel (contract §7.2)
 * @param policyDigest {@code "sha256:<hex>"} over everything that decided (rules, clause catalogue,
 *     word lists, profile, model and weights); null only on a decision not built by an engine
 */
public record Decision(String id, Outcome outcome, Route redirectTo, List<Reason> reasons, List<Obligation> obligations,
        String message, Rewrite rewrite, String policyDigest) {

    /** @throws IllegalArgumentException if the route does not match the outcome */
    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.REDIRECT) != (redirectTo != null)) {
            outcome.checkRoute(redirectTo, "decision " + id); // throws; the owner's name is made only then
        }
        reasons = List.copyOf(reasons);
        obligations = List.copyOf(obligations);
    }

    /** A decision without a summary tip, rewrite or digest (as before contract §7.2). */
    public Decision(String id, Outcome outcome, Route redirectTo, List<Reason> reasons, List<Obligation> obligations) {
        this(id, outcome, redirectTo, reasons, obligations, null, null, null);
    }

    /** The summary tip, if the decision has one (every decision that is not ALLOW does). */
    public Optional<String> summary() {
        return Optional.ofNullable(message);
    }

    /** The checked rewrite, if one is offered. */
    public Optional<Rewrite> rewriteOffered() {
        return Optional.ofNullable(rewrite);
    }

    /** This decision with the summary, rewrite and digest set. */
    Decision with(String summary, Rewrite offered, String digest) {
        return new Decision(id, outcome, redirectTo, reasons, obligations, summary, offered, digest);
    }

    /** The reason citing {@code clause}, if any. */
    public Optional<Reason> reason(String clause) {
        return reasons.stream().filter(r -> r.clause().equals(clause)).findFirst();
    }

    /** True when some reason cites {@code clause}. */
    public boolean cites(String clause) {
        return reason(clause).isPresent();
    }
}
