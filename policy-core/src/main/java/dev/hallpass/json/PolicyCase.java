package dev.hallpass.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallpass.Decision;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Reason;
import dev.hallpass.facts.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A school's test case (contract §5): a proposed message and what the school expects of its
 * decision. {@link #check} lists every way a decision differs from the expectation.
 *
 * @param name the case's {@code name} if it has one, else the message id
 * @param message the proposed message
 * @param outcome the expected outcome, or null when not checked
 * @param redirectTo the expected route, or null when not checked
 * @param clauses clauses that must be among the reasons
 * @param notClauses clauses that must not be among the reasons
 * @param obligations obligations that must be present
 * @param messageContains strings some reason's tip must contain
 * @param messageNotContains strings no reason's tip may contain
 */
public record PolicyCase(
        String name,
        ProposedMessage message,
        Outcome outcome,
        Route redirectTo,
        List<String> clauses,
        List<String> notClauses,
        List<Obligation> obligations,
        List<String> messageContains,
        List<String> messageNotContains) {

    /** Copies the lists. */
    public PolicyCase {
        clauses = List.copyOf(clauses);
        notClauses = List.copyOf(notClauses);
        obligations = List.copyOf(obligations);
        messageContains = List.copyOf(messageContains);
        messageNotContains = List.copyOf(messageNotContains);
    }

    /**
     * Parses one line of a case file.
     *
     * @throws InvalidMessageException naming the field that is wrong ({@code message.sentAt},
     *     {@code expect.outcome})
     */
    public static PolicyCase parse(String json) {
        JsonNode root = MessageJson.tree(json);
        JsonNode messageNode = root.get("message");
        if (messageNode == null || !messageNode.isObject()) {
            throw new InvalidMessageException("message", "missing");
        }
        ProposedMessage message;
        try {
            message = MessageJson.read(messageNode);
        } catch (InvalidMessageException e) {
            throw new InvalidMessageException("message." + e.field(), e.problem());
        }
        JsonNode expect = root.get("expect");
        if (expect == null || !expect.isObject()) {
            throw new InvalidMessageException("expect", "missing");
        }
        String name = root.hasNonNull("name") ? root.get("name").asText() : message.id();
        return new PolicyCase(name, message,
                enumOrNull(expect, "outcome", Outcome.class),
                enumOrNull(expect, "redirectTo", Route.class),
                strings(expect, "clauses"), strings(expect, "notClauses"),
                strings(expect, "obligations").stream().map(o -> parseEnum(Obligation.class, o, "expect.obligations")).toList(),
                strings(expect, "messageContains"), strings(expect, "messageNotContains"));
    }

    /** Every way {@code d} differs from what this case expects; empty when it passes. */
    public List<String> check(Decision d) {
        List<String> diffs = new ArrayList<>();
        if (outcome != null && d.outcome() != outcome) {
            diffs.add("outcome: expected " + outcome + ", got " + d.outcome());
        }
        if (redirectTo != null && d.redirectTo() != redirectTo) {
            diffs.add("redirectTo: expected " + redirectTo + ", got " + d.redirectTo());
        }
        List<String> cited = d.reasons().stream().map(Reason::clause).toList();
        for (String c : clauses) {
            if (!cited.contains(c)) {
                diffs.add("clauses: expected " + c + " among " + cited);
            }
        }
        for (String c : notClauses) {
            if (cited.contains(c)) {
                diffs.add("notClauses: " + c + " was cited");
            }
        }
        for (Obligation o : obligations) {
            if (!d.obligations().contains(o)) {
                diffs.add("obligations: expected " + o + " among " + d.obligations());
            }
        }
        for (String s : messageContains) {
            if (d.reasons().stream().noneMatch(r -> r.message().contains(s))) {
                diffs.add("messageContains: no tip contains \"" + s + "\"");
            }
        }
        for (String s : messageNotContains) {
            if (d.reasons().stream().anyMatch(r -> r.message().contains(s))) {
                diffs.add("messageNotContains: a tip contains \"" + s + "\"");
            }
        }
        return diffs;
    }

    private static List<String> strings(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new InvalidMessageException("expect." + field, "must be a list");
        }
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new InvalidMessageException("expect." + field, "must be a list of strings");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumOrNull(JsonNode parent, String field, Class<E> type) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return parseEnum(type, node.asText(), "expect." + field);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String path) {
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException(path, "unknown value " + raw);
        }
    }
}
