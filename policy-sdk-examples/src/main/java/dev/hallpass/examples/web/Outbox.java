package dev.hallpass.examples.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.ProposedMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's "delivery": the messages sent to each channel, in memory, oldest first. A real host
 * would hand them to its messaging backend. Thread-safe.
 */
final class Outbox {
    /** Old messages fall off beyond this, so a long-running demo cannot grow without bound. */
    static final int PER_CHANNEL = 500;

    /**
     * One sent message and what the host must still do for it.
     *
     * @param message the message as proposed
     * @param obligations the decision's obligations ({@code DEFER_UNTIL_WORKING_HOURS} means it is
     *     held until the next working day)
     */
    record Sent(ProposedMessage message, List<Obligation> obligations) {
        Sent {
            obligations = List.copyOf(obligations);
        }

        boolean deferred() {
            return obligations.contains(Obligation.DEFER_UNTIL_WORKING_HOURS);
        }

        ObjectNode toJson() {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("id", message.id());
            out.put("channel", message.channel().name());
            ObjectNode sender = out.putObject("sender");
            if (message.sender().id() != null) {
                sender.put("id", message.sender().id());
            }
            sender.put("role", message.sender().role().name());
            if (message.classId() != null) {
                out.put("classId", message.classId());
            }
            out.put("text", message.text());
            var attachments = out.putArray("attachments");
            message.attachments().forEach(a -> {
                ObjectNode aj = attachments.addObject().put("type", a.type().name());
                if (a.name() != null) {
                    aj.put("name", a.name());
                }
            });
            out.put("sentAt", message.sentAt().toString());
            out.put("deferred", deferred());
            var obligationsJson = out.putArray("obligations");
            obligations.forEach(o -> obligationsJson.add(o.name()));
            return out;
        }
    }

    private final Map<Channel, Deque<Sent>> byChannel = new EnumMap<>(Channel.class);

    /** Records {@code sent} under its message's channel. */
    synchronized void add(Sent sent) {
        Deque<Sent> list = byChannel.computeIfAbsent(sent.message().channel(), c -> new ArrayDeque<>());
        list.addLast(sent);
        while (list.size() > PER_CHANNEL) {
            list.removeFirst();
        }
    }

    /** A snapshot of what was sent to {@code channel}, oldest first. */
    synchronized List<Sent> list(Channel channel) {
        Deque<Sent> list = byChannel.get(channel);
        return list == null ? List.of() : List.copyOf(list);
    }
}
