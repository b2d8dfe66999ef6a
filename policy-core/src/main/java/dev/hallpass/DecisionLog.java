package dev.hallpass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decision log without personal data: one JSON line per decision, and one per override or
 * false-positive report, written through SLF4J (logger {@value #LOGGER}, level INFO) or to a sink
 * of the host's choosing. A line holds ids, times, channel, role, clauses, outcome, finding kinds
 * and counts, and keyed hashes of texts; never the text, names or numbers.
 *
 * <pre>{@code
 * DecisionLog log = DecisionLog.toSlf4j(key);
 * PolicyEngine engine = PolicyEngine.builder().textHashKey(key).listener(log).build();
 * ...
 * log.override(decision.id(), List.of("4.7"), OverrideReason.AGREED_WITH_TEACHER, senderJustification);
 * }</pre>
 *
 * Thread-safe.
 */
public final class DecisionLog implements DecisionListener {
    /** The SLF4J logger the default log writes to. */
    public static final String LOGGER = "hallpass.decisions";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a sender went ahead after a warning. */
    public enum OverrideReason {
        /** The sender says the tip does not apply to this message. */
        TIP_DOES_NOT_APPLY,
        /** Urgent, and the sender could not reach the school by phone. */
        COULD_NOT_PHONE,
        /** The sender had agreed this with the teacher. */
        AGREED_WITH_TEACHER,
        /** Another reason, in the sender's words (only its hash is logged). */
        OTHER
    }

    private final Consumer<String> sink;
    private final TextHasher hasher;

    private DecisionLog(Consumer<String> sink, TextHasher hasher) {
        this.sink = sink;
        this.hasher = hasher;
    }

    /**
     * A log written through SLF4J at INFO to {@value #LOGGER}.
     *
     * @param key the key for hashing free text (the same key given to the engine lets hashes be
     *     compared); at least 16 bytes
     */
    public static DecisionLog toSlf4j(byte[] key) {
        Logger log = LoggerFactory.getLogger(LOGGER);
        return new DecisionLog(log::info, new TextHasher(key));
    }

    /** A log written to {@code sink}, one JSON line per call. */
    public static DecisionLog to(Consumer<String> sink, byte[] key) {
        return new DecisionLog(Objects.requireNonNull(sink), new TextHasher(key));
    }

    @Override
    public void decided(DecisionEvent e) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "decision");
        line.put("id", e.messageId());
        line.put("sentAt", e.sentAt().toString());
        line.put("channel", e.channel().name());
        line.put("role", e.role().name());
        line.put("outcome", e.outcome().name());
        if (e.redirectTo() != null) {
            line.put("redirectTo", e.redirectTo().name());
        }
        strings(line.putArray("clauses"), e.clauses());
        if (!e.shadowClauses().isEmpty()) {
            strings(line.putArray("shadowClauses"), e.shadowClauses());
        }
        strings(line.putArray("obligations"), e.obligations().stream().map(Enum::name).toList());
        ObjectNode findings = line.putObject("findings");
        new TreeMap<>(e.findings()).forEach(findings::put);
        line.put("textHash", e.textHash());
        if (e.policyDigest() != null) {
            line.put("policyDigest", e.policyDigest());
        }
        write(line);
    }

    /**
     * Records that a sender went ahead after a WARN. The justification is personal data: only
     * its keyed hash and length are logged.
     */
    public void override(String messageId, List<String> clauses, OverrideReason reason, String justification) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "override");
        line.put("id", messageId);
        strings(line.putArray("clauses"), clauses);
        line.put("reason", reason.name());
        freeText(line, "justification", justification);
        write(line);
    }

    /**
     * Records that a sender or a member of staff reported a tip as wrong. The comment is personal
     * data: only its keyed hash and length are logged.
     */
    public void falsePositive(String messageId, String clause, String comment) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "falsePositive");
        line.put("id", messageId);
        line.put("clause", clause);
        freeText(line, "comment", comment);
        write(line);
    }

    private void freeText(ObjectNode line, String field, String text) {
        if (text != null && !text.isEmpty()) {
            line.put(field + "Hash", hasher.hash(text));
            line.put(field + "Length", text.length());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private void write(ObjectNode line) {
        try {
            sink.accept(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
