package dev.hallpass.semantic;

import dev.hallpass.facts.FindingKind;
import java.util.List;
import java.util.Set;

/**
 * What the semantic tier classifies: one trained classifier per kind, each with the policy clause it
 * serves and the word lists' finding kinds that mean the same thing. Of those, the classifier decides
 * the {@linkplain #decided() soft} ones (a word-list hit is one of its inputs, and counts only when the
 * score reaches the threshold); the {@linkplain #kept() structured} ones (a phone number, an e-mail
 * address, a postcode) count whatever the score.
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
            FindingKind.FINANCES), Set.of(FindingKind.PHONE_NUMBER, FindingKind.EMAIL, FindingKind.POSTCODE,
            FindingKind.STREET_ADDRESS, FindingKind.DATE_OF_BIRTH, FindingKind.NHS_NUMBER, FindingKind.WELLBEING_DETAIL));

    /** Every kind, in declaration order. */
    public static final List<Kind> ALL = List.of(values());

    private final String clause;
    private final Set<FindingKind> decided;
    private final Set<FindingKind> kept;
    private final FindingKind finding;

    Kind(String clause, Set<FindingKind> decided) {
        this(clause, decided, Set.of());
    }

    Kind(String clause, Set<FindingKind> decided, Set<FindingKind> kept) {
        this.clause = clause;
        this.decided = decided;
        this.kept = kept;
        this.finding = FindingKind.valueOf(name());
    }

    /** The finding kind the tier reports for this kind when no word-list finding covers it. */
    public FindingKind finding() {
        return finding;
    }

    /** The word lists' finding kinds this kind's classifier decides: they count only when it agrees. */
    public Set<FindingKind> decided() {
        return decided;
    }

    /** The word lists' finding kinds that count for this kind whatever the classifier says. */
    public Set<FindingKind> kept() {
        return kept;
    }

    /** The policy clause this kind's findings are cited under. */
    public String clause() {
        return clause;
    }

    /** The word lists' finding kinds that mean the same thing: {@link #decided()} and {@link #kept()}. */
    public Set<FindingKind> lexical() {
        java.util.EnumSet<FindingKind> all = java.util.EnumSet.noneOf(FindingKind.class);
        all.addAll(decided);
        all.addAll(kept);
        return all;
    }
}
