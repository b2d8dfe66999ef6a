package dev.hallpass.facts;

/** What a detector found in a message. Also the {@code kind} of a decision's evidence. */
public enum FindingKind {
    /** A child's name: from the roster, or introduced by context ("my son Tom"). */
    CHILD_NAME,
    /** A photo attachment. */
    PHOTO,
    /** A video attachment. */
    VIDEO,
    PHONE_NUMBER,
    EMAIL,
    POSTCODE,
    STREET_ADDRESS,
    DATE_OF_BIRTH,
    NHS_NUMBER,
    /** What one child ate, how they slept: wellbeing details (policy 5.1, private by 3.2.1). */
    WELLBEING_DETAIL,
    /** Health and medical conditions. */
    HEALTH,
    /** Special educational needs. */
    SEN,
    /** Separation, custody, bereavement, social care. */
    FAMILY_CIRCUMSTANCES,
    FINANCES,
    /** An urgent, same-day or time-critical request (not negated). */
    URGENCY,
    ABSENCE,
    APPOINTMENT,
    /** A change to who picks a child up or drops them off, or when. */
    PICKUP_DROPOFF,
    /** A change to a child's medication or feeds. */
    MEDICATION_CHANGE,
    /** A safeguarding or health-and-safety concern. */
    SAFEGUARDING,
    /** Disrespectful or abusive language, or a threat. */
    ABUSE,
    /**
     * Personal or private information about an identifiable family or child, found by its meaning
     * (the semantic tier): cited under 3.2.1 and 4.9 where many parents can see it.
     */
    PERSONAL_INFO,
    /** A phrase from one of the school's own word lists; {@link Finding#label()} names the list. */
    SCHOOL_WORDS;

    /** True for the kinds that locate an attachment rather than a span of text. */
    public boolean isAttachment() {
        return this == PHOTO || this == VIDEO;
    }
}
