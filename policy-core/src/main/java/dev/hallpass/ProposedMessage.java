package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import java.time.Instant;
import java.util.List;

/**
 * A message a sender wants to post, before it is sent (contract §2).
 *
 * <p>The constructor checks every required field and throws {@link InvalidMessageException} naming
 * the first field that is wrong, so an instance is always evaluable.
 *
 * @param id the host's message id, echoed in the decision
 * @param channel where it would be posted
 * @param sender who is sending it
 * @param classId the class it belongs to, or null
 * @param text the text, UTF-8; may be empty only when there are attachments
 * @param attachments files attached, never null (copied)
 * @param sentAt when it is sent; local time is taken in the profile's timezone
 */
public record ProposedMessage(
        String id,
        Channel channel,
        Sender sender,
        String classId,
        String text,
        List<Attachment> attachments,
        Instant sentAt) {

    /** @throws InvalidMessageException naming the field that is missing or wrong */
    public ProposedMessage {
        require(id, "id");
        require(channel, "channel");
        require(sender, "sender");
        require(text, "text");
        require(sentAt, "sentAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (text.isEmpty() && attachments.isEmpty()) {
            throw new InvalidMessageException("text", "empty, and there are no attachments");
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidMessageException(field, "missing");
        }
    }

    /** A message with no class and no attachments: the common case in tests and examples. */
    public static ProposedMessage of(String id, Channel channel, Role role, String text, Instant sentAt) {
        return new ProposedMessage(id, channel, Sender.of(role), null, text, List.of(), sentAt);
    }
}
