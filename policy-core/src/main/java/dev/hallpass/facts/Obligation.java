package dev.hallpass.facts;

/** Something the host must do besides showing the tip (contract §3). */
public enum Obligation {
    /** Hold delivery until the school's next working hours (policy 4.7). */
    DEFER_UNTIL_WORKING_HOURS,
    /** Pass the message to the school's safeguarding procedures (policy 4.3). */
    SAFEGUARDING_REVIEW,
    /** Report the conduct to the senior leadership team (policy 4.1). */
    LEADERSHIP_REVIEW
}
