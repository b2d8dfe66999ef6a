package dev.hallpass;

/**
 * Told about every decision an engine makes, after it is made, on the evaluating thread. An
 * exception thrown here is logged (by type only) and never changes or delays the decision's
 * return beyond the listener's own running time. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DecisionListener {
    /** A decision was made; {@code event} carries no personal data. */
    void decided(DecisionEvent event);
}
