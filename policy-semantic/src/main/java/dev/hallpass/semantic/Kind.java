package dev.hallpass.semantic;

import dev.hallpass.facts.FindingKind;
import java.util.List;
import java.util.Set;

/**
 * What the semantic tier classifies: one trained classifier per kind, each with the policy clause it
 * serves and the lexicon findings that count as the word lists' view of the same thing.
 */
public enum Kind {
    /** An absence (5.4). */
    ABSENCE("5.4", Set.of(FindingKind.ABSENCE)),
    /** An appointment that takes a child out of school (5.4). */
    APPOINTMENT("5.4", Set.of(FindingKind.APPOINTMENT)),
    /** A change to who collects or drops off a child, or when (5.4). */
    PICKUP_DROPOFF("5.4", Set.of(FindingKind.PICKUP_DROPOFF)),
    /** A change in medication or feeds (5.5). */
    MEDICATION_CHANGE("5.5", Set.of(FindingKind.MEDICATION_CHANGE)),
    /** A request that needs an urgent answer (4.2). */
    URGENCY("4.2", Set.of(FindingKind.URGENCY)),
    /** A safeguarding or health-and-safety concern (4.3). */
    SAFEGUARDING("4.3", Set.of(FindingKind.SAFEGUARDING)),
    /** Disrespect, insults or threats (4.1). */
    ABUSE("4.1", Set.of(FindingKind.ABUSE)),
    /** Personal or private information about an identifiable family or child (3.2.1, 4.9). */
    PERSONAL_INFO("3.2.1", Set.of(FindingKind.HEALTH, FindingKind.SEN, FindingKind.FAMILY_CIRCUMSTANCES,
            FindingKind.FINANCES, FindingKind.WELLBEING_DETAIL, FindingKind.PHONE_NUMBER, FindingKind.EMAIL,
            FindingKind.POSTCODE, FindingKind.STREET_ADDRESS, FindingKind.DATE_OF_BIRTH, FindingKind.NHS_NUMBER));

    /** Every kind, in declaration order. */
    public static final List<Kind> ALL = List.of(values());

    private final String clause;
    private final Set<FindingKind> lexical;

    Kind(String clause, Set<FindingKind> lexical) {
        this.clause = clause;
        this.lexical = lexical;
    }

    /** The policy clause this kind's findings are cited under. */
    public String clause() {
        return clause;
    }

    /** The lexicon's finding kinds that mean the same thing. */
    public Set<FindingKind> lexical() {
        return lexical;
    }
}
