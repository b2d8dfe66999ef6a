package dev.hallpass.facts;

/** Who can read a channel. Rules test the audience, not the channel, where the policy does. */
public enum Audience {
    /** More than one parent or carer can view it (school stories, class stories, class chat). */
    MANY_PARENTS,
    /** One family and the child's teacher (private chat). */
    ONE_FAMILY
}
