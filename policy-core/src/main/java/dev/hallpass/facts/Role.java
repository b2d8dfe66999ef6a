package dev.hallpass.facts;

/** The sender's role in the school (contract §2). */
public enum Role {
    /** Parents and carers. */
    PARENT,
    TEACHER,
    SCHOOL_LEADER,
    OFFICE_STAFF,
    /** Higher level teaching assistants and equivalent, who have no access (policy 4.4). */
    HLTA
}
