package dev.hallpass.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.Explanation;
import dev.hallpass.PolicyException;
import dev.hallpass.Reason;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Writes decisions, explanations and line errors as JSON (contract §3 and §4): compact, one line,
 * fields in contract order, as JSON Lines needs: {@code id, outcome, redirectTo, message, reasons,
 * obligations, rewrite, policyDigest} (the §7.2 fields only when present). A host that wants a tree reads the text with its
 * own JSON library; no JSON library's types are part of this API. Thread-safe.
 */
public final class DecisionJson {
    private DecisionJson() {}

    /** The decision as one line of JSON, fields in contract order (§3). */
    public static String toJson(Decision d) {
        // Streamed, not built as a tree first: the same text as text(node(d)) (a test compares them on the
        // corpus's decisions) for about half the cost, which the CLI pays once per input line.
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator g = MessageJson.MAPPER.getFactory().createGenerator(text)) {
            write(g, d);
        } catch (IOException e) {
            throw new PolicyException("cannot write JSON", e);
        }
        return text.toString();
    }

    /** {@link #toJson(Decision)} through the tree that explanations are built on; for the test that the two agree. */
    static String viaTree(Decision d) {
        return text(node(d));
    }

    private static void write(JsonGenerator g, Decision d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("outcome", d.outcome().name());
        if (d.redirectTo() != null) {
            g.writeStringField("redirectTo", d.redirectTo().name());
        }
        if (d.message() != null) {
            g.writeStringField("message", d.message());
        }
        g.writeArrayFieldStart("reasons");
        for (Reason r : d.reasons()) {
            g.writeStartObject();
            g.writeStringField("clause", r.clause());
            g.writeStringField("outcome", r.outcome().name());
            if (r.redirectTo() != null) {
                g.writeStringField("redirectTo", r.redirectTo().name());
            }
            g.writeStringField("message", r.message());
            if (r.shadow()) {
                g.writeBooleanField("shadow", true);
            }
            java.util.OptionalDouble score = r.score();
            if (score.isPresent()) {
                g.writeNumberField("score", Math.round(score.getAsDouble() * 1000) / 1000.0);
            }
            g.writeArrayFieldStart("evidence");
            for (Evidence e : r.evidence()) {
                write(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("obligations");
        for (var o : d.obligations()) {
            g.writeString(o.name());
        }
        g.writeEndArray();
        if (d.rewrite() != null) {
            g.writeObjectFieldStart("rewrite");
            g.writeStringField("text", d.rewrite().text());
            g.writeArrayFieldStart("replaced");
            for (Evidence e : d.rewrite().replaced()) {
                write(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (d.policyDigest() != null) {
            g.writeStringField("policyDigest", d.policyDigest());
        }
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", e.label());
        if (e.attachment() != null) {
            g.writeNumberField("attachment", e.attachment());
        } else {
            integer(g, "start", e.start());
            integer(g, "end", e.end());
        }
        g.writeEndObject();
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /** The decision plus {@code explain}: the findings and the rules that fired. */
    public static String toJson(Explanation x) {
        return text(node(x));
    }

    /** One piece of evidence: {@code {"kind", "start", "end"}} or {@code {"kind", "attachment"}}. */
    public static String toJson(Evidence e) {
        return text(node(e));
    }

    /**
     * The answer for a line that could not be evaluated (contract §4): {@code {"line", "id",
     * "error"}}, with {@code "id": null} when {@code id} is null.
     */
    public static String error(long line, String id, String error) {
        ObjectNode out = MessageJson.MAPPER.createObjectNode();
        out.put("line", line);
        if (id == null) {
            out.putNull("id");
        } else {
            out.put("id", id);
        }
        out.put("error", error);
        return text(out);
    }

    /**
     * Writes {@link #toJson(Decision)} to {@code out}, without a line break; does not flush or close it.
     *
     * @throws IOException if {@code out} cannot be written
     */
    public static void write(Decision d, Writer out) throws IOException {
        out.write(toJson(d));
    }

    /**
     * Writes {@link #toJson(Explanation)} to {@code out}, without a line break; does not flush or close it.
     *
     * @throws IOException if {@code out} cannot be written
     */
    public static void write(Explanation x, Writer out) throws IOException {
        out.write(toJson(x));
    }

    static ObjectNode node(Decision d) {
        ObjectNode out = MessageJson.MAPPER.createObjectNode();
        out.put("id", d.id());
        out.put("outcome", d.outcome().name());
        if (d.redirectTo() != null) {
            out.put("redirectTo", d.redirectTo().name());
        }
        if (d.message() != null) {
            out.put("message", d.message());
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
            r.score().ifPresent(v -> rj.put("score", Math.round(v * 1000) / 1000.0));
            ArrayNode ev = rj.putArray("evidence");
            r.evidence().forEach(e -> ev.add(node(e)));
        }
        ArrayNode obligations = out.putArray("obligations");
        d.obligations().forEach(o -> obligations.add(o.name()));
        if (d.rewrite() != null) {
            ObjectNode rw = out.putObject("rewrite");
            rw.put("text", d.rewrite().text());
            ArrayNode replaced = rw.putArray("replaced");
            d.rewrite().replaced().forEach(e -> replaced.add(node(e)));
        }
        if (d.policyDigest() != null) {
            out.put("policyDigest", d.policyDigest());
        }
        return out;
    }

    static ObjectNode node(Evidence e) {
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

    static ObjectNode node(Explanation x) {
        ObjectNode out = node(x.decision());
        ObjectNode explain = out.putObject("explain");
        ArrayNode findings = explain.putArray("findings");
        x.findings().forEach(f -> findings.add(node(f)));
        ArrayNode rules = explain.putArray("rules");
        for (Explanation.FiredRule r : x.firedRules()) {
            rules.addObject().put("rule", r.rule()).put("clause", r.clause()).put("file", r.file());
        }
        if (!x.names().isEmpty()) {
            ArrayNode names = explain.putArray("names");
            for (Explanation.NameReason n : x.names()) {
                names.addObject().put("start", n.start()).put("end", n.end()).put("taken", n.taken()).put("why", n.why());
            }
        }
        if (x.meaning() != null) {
            ObjectNode m = explain.putObject("semantic");
            m.put("scoredChars", x.meaning().scoredChars()).put("textLength", x.meaning().textLength());
            if (!x.meaning().readWholeText()) {
                m.put("note", "the model read the first " + x.meaning().scoredChars() + " of " + x.meaning().textLength()
                        + " characters; the rest is covered by the word lists alone");
            }
            ArrayNode scores = m.putArray("scores");
            for (dev.hallpass.MeaningReport.KindScore k : x.meaning().scores()) {
                ObjectNode n = scores.addObject();
                n.put("kind", k.kind()).put("clause", k.clause())
                        .put("score", Math.round(k.score() * 1000) / 1000.0).put("threshold", k.threshold()).put("found", k.found());
                if (k.start() != null) {
                    n.putObject("evidence").put("start", k.start()).put("end", k.end());
                }
                ArrayNode lex = n.putArray("wordLists");
                k.lexical().forEach(lex::add);
            }
            if (!x.meaning().names().isEmpty()) {
                ArrayNode names = m.putArray("names");
                for (dev.hallpass.MeaningReport.NameScore ns : x.meaning().names()) {
                    names.addObject().put("start", ns.start()).put("end", ns.end()).put("score", Math.round(ns.score() * 1000) / 1000.0)
                            .put("threshold", ns.threshold()).put("child", ns.child());
                }
            }
        }
        return out;
    }

    private static String text(ObjectNode node) {
        try {
            return MessageJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and enums' names always serializes.
            throw new PolicyException("cannot write JSON", e);
        }
    }
}
