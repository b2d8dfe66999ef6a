package dev.hallpass.facts;

/**
 * What the host should do with a message, least severe first. A decision's outcome is its most
 * severe reason's outcome (contract §3).
 */
public enum Outcome {
    /** Send it. */
    ALLOW,
    /** Send it, but show the sender the tip first. */
    WARN,
    /** Do not send it here; send it by the route the decision names. */
    REDIRECT,
    /** This sender may not post here at all (policy 3.1.1, 3.1.2, 4.4). */
    BLOCK;

    /** True when this outcome is stricter than {@code other}. */
    public boolean isMoreSevereThan(Outcome other) {
        return compareTo(other) > 0;
    }

    /** The stricter of this and {@code other}. */
    public Outcome max(Outcome other) {
        return other.isMoreSevereThan(this) ? other : this;
    }
}
