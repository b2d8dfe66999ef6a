package dev.hallpass;

import dev.hallpass.facts.AttachmentType;
import java.util.Objects;

/**
 * A file attached to a proposed message. Only its type is used by the policy; the name is carried
 * for the host's benefit and is never logged.
 *
 * @param type what kind of file it is, never null
 * @param name the file name as the host gave it, never null (may be empty)
 */
public record Attachment(AttachmentType type, String name) {
    /** @throws NullPointerException if {@code type} is null */
    public Attachment {
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
    }

    /** A photo attachment with the given file name. */
    public static Attachment photo(String name) {
        return new Attachment(AttachmentType.PHOTO, name);
    }
}
