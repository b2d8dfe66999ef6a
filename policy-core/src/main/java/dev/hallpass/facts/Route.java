package dev.hallpass.facts;

/**
 * Where a redirected message should go instead. Declared in the contract's precedence order: when
 * several reasons redirect, the decision takes the first of them in this order, so a matter that
 * belongs on the phone goes there whatever channel it was typed in.
 */
public enum Route {
    /** Phone the school nursing team (policy 5.5). */
    PHONE_NURSING_TEAM,
    /** Phone the school office (policy 5.4). */
    PHONE_SCHOOL_OFFICE,
    /** Telephone the school and speak to a staff member (policy 4.2). */
    PHONE_SCHOOL,
    /** Share photos through the Evidence for Learning app (policy 4.12). */
    EVIDENCE_FOR_LEARNING,
    /** Send it in a private chat with the class teacher (policy 3.2.2). */
    PRIVATE_CHAT;

    /** True when this route wins over {@code other} for the decision's {@code redirectTo}. */
    public boolean precedes(Route other) {
        return compareTo(other) < 0;
    }

    /** True for the routes that are a phone call rather than another place to write. */
    public boolean isPhone() {
        return this == PHONE_NURSING_TEAM || this == PHONE_SCHOOL_OFFICE || this == PHONE_SCHOOL;
    }
}
