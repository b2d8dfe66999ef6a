package dev.hallpass.examples.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.Decision;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.json.DecisionJson;
import dev.hallpass.json.MessageJson;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one record, evaluates it and forwards the answer to exactly one of the two sinks. One
 * instance per stream task; the engine is shared. Holds no state between records.
 */
final class EvaluateProcessor implements Processor<String, String, String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateProcessor.class);
    /** The app's own JSON library, for the fields it adds to Hallpass's error (which comes as text). */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PolicyEngine engine;
    private ProcessorContext<String, String> context;

    EvaluateProcessor(PolicyEngine engine) {
        this.engine = engine;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        String value = record.value();
        ProposedMessage message;
        try {
            if (value == null) {
                throw new InvalidMessageException("(line)", "no value");
            }
            message = MessageJson.parse(value);
        } catch (InvalidMessageException e) {
            deadLetter(record, value == null ? null : MessageJson.idOf(value), e.getMessage());
            return;
        }
        Decision decision;
        try {
            decision = engine.evaluate(message);
        } catch (RuntimeException e) {
            // evaluate() answers rule failures itself with an "unchecked" WARN; reaching here is a bug.
            // The message was not evaluated, so it must not get an outcome. Only the type: an
            // exception's text may quote the message.
            deadLetter(record, message.id(), "(engine): could not evaluate (" + e.getClass().getName() + ")");
            return;
        }
        LOG.debug("message {}: {}", message.id(), decision.outcome());
        context.forward(record.withKey(message.id()).withValue(DecisionJson.toJson(decision)),
                PolicyTopology.DECISIONS);
    }

    private void deadLetter(Record<String, String> record, String id, String error) {
        Optional<RecordMetadata> where = context.recordMetadata();
        // Hallpass writes the §4 error; the record's position is added to it here. Without a
        // position, "line" is set to null afterwards (same key, so it keeps its place first).
        ObjectNode answer = tree(DecisionJson.error(where.map(m -> m.offset() + 1).orElse(0L), id, error));
        if (where.isPresent()) {
            RecordMetadata m = where.get();
            answer.put("topic", m.topic());
            answer.put("partition", m.partition());
            answer.put("offset", m.offset());
            LOG.warn("dead-lettered {}-{}@{} (id {}): {}", m.topic(), m.partition(), m.offset(), id, error);
        } else {
            answer.putNull("line"); // not from a source topic: no position to give
            LOG.warn("dead-lettered a record (id {}): {}", id, error);
        }
        context.forward(record.withKey(id != null ? id : record.key()).withValue(answer.toString()),
                PolicyTopology.DEAD_LETTER);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Hallpass wrote JSON that does not read back", e);
        }
    }
}
