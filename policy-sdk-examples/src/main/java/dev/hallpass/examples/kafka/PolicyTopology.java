package dev.hallpass.examples.kafka;

import dev.hallpass.PolicyEngine;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * Builds the Kafka Streams topology that checks every proposed message against the school's policy.
 *
 * <pre>
 *   messages topic ──▶ evaluate ──▶ decisions topic    (contract §3, key = message id)
 *                          └──────▶ dead-letter topic  (contract §4 error, never an outcome)
 * </pre>
 *
 * <p>Input values are contract §2 messages, one JSON object per record value, as UTF-8 strings;
 * input keys are ignored except to key a dead-letter record whose id could not be read. Each valid
 * message gets exactly one decision, keyed by its {@code id}, in the order its partition delivered
 * it. A record that is not a valid message (not JSON, a required field missing, an unknown enum
 * value, an empty value) never reaches the decisions topic: it goes to the dead-letter topic as
 *
 * <pre>{@code
 * {"line": 42, "id": "m-042", "error": "sentAt: missing", "topic": "hallpass.messages", "partition": 3, "offset": 41}
 * }</pre>
 *
 * <p>A topic has no lines, so {@code "line"} is the record's offset + 1: its 1-based position in its
 * partition, as a line number is a 1-based position in a file. Keeping the name lets one consumer
 * read both the CLI's §4 answers and these; {@code "topic"}, {@code "partition"} and {@code
 * "offset"} are extra fields giving the exact record to fix and replay. {@code "error"} names the
 * field and never quotes its value or the message text.
 *
 * <p>The processor holds no state between records and shares one engine across every stream
 * thread, so the topology scales out with the input topic's partitions. Build the engine once: it
 * is immutable and thread-safe, and compiling rules is the expensive part. This class is stateless
 * and thread-safe.
 */
public final class PolicyTopology {
    /** Default topic of proposed messages (contract §2 JSON values). */
    public static final String DEFAULT_MESSAGES_TOPIC = "hallpass.messages";
    /** Default topic decisions are written to (contract §3 JSON values). */
    public static final String DEFAULT_DECISIONS_TOPIC = "hallpass.decisions";
    /** Default topic for records that are not valid messages (contract §4 error JSON values). */
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "hallpass.dead-letter";

    static final String SOURCE = "messages";
    static final String EVALUATE = "evaluate";
    static final String DECISIONS = "decisions";
    static final String DEAD_LETTER = "dead-letter";

    private PolicyTopology() {}

    /**
     * The three topic names the topology uses.
     *
     * @param messages where proposed messages are read from
     * @param decisions where decisions are written
     * @param deadLetter where records that are not valid messages are written
     */
    public record Topics(String messages, String decisions, String deadLetter) {
        /**
         * @throws IllegalArgumentException if a name is blank, or two of them are the same (a
         *     decision written back to the messages topic would be read as a bad message)
         * @throws NullPointerException if a name is null
         */
        public Topics {
            requireName(messages, "messages");
            requireName(decisions, "decisions");
            requireName(deadLetter, "deadLetter");
            if (messages.equals(decisions) || messages.equals(deadLetter) || decisions.equals(deadLetter)) {
                throw new IllegalArgumentException("topics must all differ: messages=" + messages
                        + ", decisions=" + decisions + ", deadLetter=" + deadLetter);
            }
        }

        /** {@code hallpass.messages}, {@code hallpass.decisions}, {@code hallpass.dead-letter}. */
        public static Topics defaults() {
            return new Topics(DEFAULT_MESSAGES_TOPIC, DEFAULT_DECISIONS_TOPIC, DEFAULT_DEAD_LETTER_TOPIC);
        }

        private static void requireName(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " topic: blank");
            }
        }
    }

    /**
     * The topology on the default topics.
     *
     * @throws NullPointerException if {@code engine} is null
     */
    public static Topology build(PolicyEngine engine) {
        return build(engine, Topics.defaults());
    }

    /**
     * The topology on the given topics; every stream thread shares {@code engine}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Topology build(PolicyEngine engine, Topics topics) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(topics, "topics");
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.String().deserializer(), topics.messages());
        topology.addProcessor(EVALUATE, () -> new EvaluateProcessor(engine), SOURCE);
        topology.addSink(DECISIONS, topics.decisions(), Serdes.String().serializer(), Serdes.String().serializer(), EVALUATE);
        topology.addSink(DEAD_LETTER, topics.deadLetter(), Serdes.String().serializer(), Serdes.String().serializer(), EVALUATE);
        return topology;
    }
}
