package dev.hallpass.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.Explanation;
import dev.hallpass.Reason;
import java.io.UncheckedIOException;

/** Writes decisions, explanations and line errors as JSON (contract §3 and §4). Thread-safe. */
public final class DecisionJson {
    private DecisionJson() {}

    /** The decision as a JSON object, fields in contract order. */
    public static ObjectNode toJson(Decision d) {
        ObjectNode out = MessageJson.MAPPER.createObjectNode();
        out.put("id", d.id());
        out.put("outcome", d.outcome().name());
        if (d.redirectTo() != null) {
            out.put("redirectTo", d.redirectTo().name());
        }
        ArrayNode reasons = out.putArray("reasons");
        for (Reason r : d.reasons()) {
            ObjectNode rj = reasons.addObject();
            rj.put("clause", r.clause());
            rj.put("outcome", r.outcome().name());
            if (r.redirectTo() != null) {
                rj.put("redirectTo", r.redirectTo().name());
            }
            rj.put("message", r.message());
            if (r.shadow()) {
                rj.put("shadow", true);
            }
            ArrayNode ev = rj.putArray("evidence");
            r.evidence().forEach(e -> ev.add(toJson(e)));
        }
        ArrayNode obligations = out.putArray("obligations");
        d.obligations().forEach(o -> obligations.add(o.name()));
        return out;
    }

    /** One piece of evidence: {@code {"kind", "start", "end"}} or {@code {"kind", "attachment"}}. */
    public static ObjectNode toJson(Evidence e) {
        ObjectNode out = MessageJson.MAPPER.createObjectNode();
        out.put("kind", e.label());
        if (e.attachment() != null) {
            out.put("attachment", e.attachment());
        } else {
            out.put("start", e.start());
            out.put("end", e.end());
        }
        return out;
    }

    /** The decision plus {@code explain}: the findings and the rules that fired. */
    public static ObjectNode toJson(Explanation x) {
        ObjectNode out = toJson(x.decision());
        ObjectNode explain = out.putObject("explain");
        ArrayNode findings = explain.putArray("findings");
        x.findings().forEach(f -> findings.add(toJson(f)));
        ArrayNode rules = explain.putArray("rules");
        for (Explanation.FiredRule r : x.firedRules()) {
            rules.addObject().put("rule", r.rule()).put("clause", r.clause()).put("file", r.file());
        }
        return out;
    }

    /** The answer for a line that could not be evaluated (contract §4). */
    public static ObjectNode error(int line, String id, String error) {
        ObjectNode out = MessageJson.MAPPER.createObjectNode();
        out.put("line", line);
        if (id == null) {
            out.putNull("id");
        } else {
            out.put("id", id);
        }
        out.put("error", error);
        return out;
    }

    /** Compact one-line JSON, as JSON Lines needs. */
    public static String write(ObjectNode node) {
        try {
            return MessageJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
