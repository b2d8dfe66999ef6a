package dev.hallpass.semantic;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.List;

/**
 * One text's features: the model's mean-pooled, L2-normalised embedding (dense), its hashed word n-grams
 * (sparse, each worth {@code 1/sqrt(count)}, so the sparse half has unit length too), and which of the
 * word lists' finding kinds ({@link #LEXICAL}) were found in it (each worth 1).
 *
 * @param lexical indices into {@link #LEXICAL}, ascending, no repeats
 */
record Features(float[] embedding, int[] buckets, int[] lexical) {
    /**
     * The word lists' finding kinds the classifiers read. Names and attachments are not among them: a
     * child's name depends on the school's roster, which the corpus does not have.
     */
    static final List<FindingKind> LEXICAL = List.of(FindingKind.PHONE_NUMBER, FindingKind.EMAIL,
            FindingKind.POSTCODE, FindingKind.STREET_ADDRESS, FindingKind.DATE_OF_BIRTH, FindingKind.NHS_NUMBER,
            FindingKind.WELLBEING_DETAIL, FindingKind.HEALTH, FindingKind.SEN, FindingKind.FAMILY_CIRCUMSTANCES,
            FindingKind.FINANCES, FindingKind.URGENCY, FindingKind.ABSENCE, FindingKind.APPOINTMENT,
            FindingKind.PICKUP_DROPOFF, FindingKind.MEDICATION_CHANGE, FindingKind.SAFEGUARDING, FindingKind.ABUSE);

    double sparseWeight() {
        return buckets.length == 0 ? 0 : 1 / Math.sqrt(buckets.length);
    }

    /** The {@link #LEXICAL} indices of the findings that overlap {@code [from, to)}. */
    static int[] lexicalIn(List<Finding> findings, int from, int to) {
        boolean[] seen = new boolean[LEXICAL.size()];
        for (Finding f : findings) {
            int i = LEXICAL.indexOf(f.kind());
            if (i >= 0 && !f.isAttachment() && f.start() < to && f.end() > from) {
                seen[i] = true;
            }
        }
        int n = 0;
        for (boolean b : seen) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                out[j++] = i;
            }
        }
        return out;
    }
}
