package dev.hallpass;

import dev.hallpass.facts.Role;
import java.util.Objects;

/**
 * Who is sending a message.
 *
 * @param id the host's id for the sender, or null when the host does not say; compared with a
 *     class's {@code teachers} list in the profile (policy 3.1.2)
 * @param role the sender's role, never null
 */
public record Sender(String id, Role role) {
    /** @throws NullPointerException if {@code role} is null */
    public Sender {
        Objects.requireNonNull(role, "role");
    }

    /** A sender known only by role. */
    public static Sender of(Role role) {
        return new Sender(null, role);
    }
}
