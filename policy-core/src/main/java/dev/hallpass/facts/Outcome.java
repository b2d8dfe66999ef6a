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

    /**
     * Checks the one rule about routes: a REDIRECT has a route, and no other outcome has one.
     * Every type that carries an outcome and a route (a clause match, a reason, a decision) checks
     * it here.
     *
     * @param route the route that goes with this outcome, or null
     * @param owner what carries them, for the error ({@code clause 4.12}, {@code decision})
     * @return {@code route}
     * @throws IllegalArgumentException naming {@code owner} when the route does not fit
     */
    public Route checkRoute(Route route, String owner) {
        if ((this == REDIRECT) != (route != null)) {
            throw new IllegalArgumentException(owner + ": " + (route == null ? "REDIRECT needs a route" : this + " takes no route (only REDIRECT has one)"));
        }
        return route;
    }

    /** The stricter of this and {@code other}. */
    public Outcome max(Outcome other) {
        return other.isMoreSevereThan(this) ? other : this;
    }
}
