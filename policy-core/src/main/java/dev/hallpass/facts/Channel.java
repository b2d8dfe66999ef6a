package dev.hallpass.facts;

import dev.hallpass.facts.Audience;

/**
 * Where a message is posted (policy 3.1 and 3.2), and so who can see it.
 */
public enum Channel {
    /** School stories (3.1.1): every family in the school sees them. */
    SCHOOL_STORY(Audience.MANY_PARENTS),
    /** Class stories (3.1.2): every family in the class sees them. */
    CLASS_STORY(Audience.MANY_PARENTS),
    /** Class chat (3.2.1): every parent and carer of the class sees it. */
    CLASS_CHAT(Audience.MANY_PARENTS),
    /** Private chat (3.2.2): one family and the child's teacher. */
    PRIVATE_CHAT(Audience.ONE_FAMILY);

    private final Audience audience;

    Channel(Audience audience) {
        this.audience = audience;
    }

    /** Who can read what is posted here. */
    public Audience audience() {
        return audience;
    }
}
