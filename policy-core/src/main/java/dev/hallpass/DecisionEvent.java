package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a decision listener learns about each decision: enough for a school to review and tune
 * its rules, and no personal data. It has no message text, no names, no numbers, no attachment
 * names: findings are counted by kind, and the text is represented by a keyed hash (equal texts
 * give equal hashes under one key, and the hash cannot be reversed without the key).
 *
 * @param messageId the message's id
 * @param sentAt when it was sent
 * @param channel where it would be posted
 * @param role the sender's role
 * @param outcome the decision's outcome
 * @param redirectTo the decision's route, or null
 * @param clauses the clauses cited, in decision order (shadow ones included)
 * @param shadowClauses the clauses cited in shadow mode
 * @param obligations the decision's obligations
 * @param findings how many findings of each kind (label) the detectors made
 * @param textHash HMAC-SHA256 of the text under the engine's key, in hex
 * @param policyDigest the engine's policy digest (contract §7.2), or null when not known
 */
public record DecisionEvent(
        String messageId,
        Instant sentAt,
        Channel channel,
        Role role,
        Outcome outcome,
        Route redirectTo,
        List<String> clauses,
        List<String> shadowClauses,
        List<Obligation> obligations,
        Map<String, Integer> findings,
        String textHash,
        String policyDigest) {

    /** An event without a policy digest (as before contract §7.2). */
    public DecisionEvent(String messageId, Instant sentAt, Channel channel, Role role, Outcome outcome, Route redirectTo,
            List<String> clauses, List<String> shadowClauses, List<Obligation> obligations, Map<String, Integer> findings,
            String textHash) {
        this(messageId, sentAt, channel, role, outcome, redirectTo, clauses, shadowClauses, obligations, findings, textHash, null);
    }

    /** Copies the collections. */
    public DecisionEvent {
        clauses = List.copyOf(clauses);
        shadowClauses = List.copyOf(shadowClauses);
        obligations = List.copyOf(obligations);
        findings = Map.copyOf(findings);
    }
}
