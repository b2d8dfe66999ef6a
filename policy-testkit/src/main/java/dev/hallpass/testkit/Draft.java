package dev.hallpass.testkit;

import dev.hallpass.Attachment;
import dev.hallpass.facts.Channel;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import dev.hallpass.Sender;
import java.time.Instant;
import java.util.List;

/**
 * A generated proposed message together with the trigger its text was built around.
 *
 * @param message the message
 * @param sample the text and its trigger
 */
public record Draft(ProposedMessage message, TextSample sample) {

    /** The same draft in another channel. */
    public Draft in(Channel channel) {
        ProposedMessage m = message;
        return new Draft(new ProposedMessage(m.id(), channel, m.sender(), m.classId(), m.text(), m.attachments(), m.sentAt()), sample);
    }

    /** The same draft with another text (the trigger is no longer located). */
    public Draft withText(String text) {
        ProposedMessage m = message;
        return new Draft(new ProposedMessage(m.id(), m.channel(), m.sender(), m.classId(), text, m.attachments(), m.sentAt()),
                new TextSample(text, sample.trigger(), -1, -1));
    }

    static Draft of(Channel channel, Role role, String senderId, String classId, TextSample sample, List<Attachment> attachments, Instant at) {
        return new Draft(new ProposedMessage("gen", channel, new Sender(senderId, role), classId, sample.text(), attachments, at), sample);
    }

    /** One line a person can read in a counterexample. */
    @Override
    public String toString() {
        ProposedMessage m = message;
        return m.channel() + " from " + m.sender().role() + (m.sender().id() == null ? "" : " " + m.sender().id())
                + (m.classId() == null ? "" : " (class " + m.classId() + ")") + " at " + m.sentAt() + ": " + sample
                + (m.attachments().isEmpty() ? "" : " with " + m.attachments().stream().map(a -> a.type().name()).toList());
    }
}
