package dev.hallpass.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallpass.InvalidMessageException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Unknown field names that are near misses of a known one (contract §7.1): {@code attachements},
 * {@code classID}, {@code sentat}. Such a field is an error naming both, because the host meant
 * the known field and a message checked without it is not the message the host will send. Other
 * unknown fields are ignored (contract §2).
 *
 * <p>The rule: names are compared ignoring case, by optimal-string-alignment distance (Damerau–
 * Levenshtein with adjacent transpositions: insert, delete, substitute or swap two neighbouring
 * letters, each one edit). An unknown name is a near miss of a known name of four or more
 * characters when it is within two edits of it, and of a known name of at most three characters
 * ({@code id}) only when within one edit, so that short unrelated names ({@code ix} is one edit
 * from {@code id}, but {@code ts} or {@code at} are two) are not taken for it. Where several known
 * names are near, the nearest is named, the first listed on a tie. An unknown name that is not
 * made of ASCII letters and digits is shown as {@code (key)}. Thread-safe (stateless).
 */
final class NearMiss {
    private NearMiss() {}

    /**
     * Throws for the first field of {@code object} that is not one of {@code known} but is a near
     * miss of one.
     *
     * @param prefix the object's path followed by a dot ({@code "sender."}), or "" at the top
     * @throws InvalidMessageException {@code attachements: unknown field (did you mean attachments?)}
     */
    static void check(JsonNode object, String prefix, List<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (known.contains(name)) {
                continue;
            }
            String meant = nearest(name, known);
            if (meant != null) {
                throw new InvalidMessageException(prefix + MessageJson.shownKey(name), "unknown field (did you mean " + meant + "?)");
            }
        }
    }

    /** The known name that {@code name} is a near miss of (see the class comment), or null. */
    static String nearest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int limit = limitFor(k);
            int d = distance(lower, k.toLowerCase(Locale.ROOT), limit);
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edits allowed for a near miss of {@code known}: one for names of up to three characters, else two. */
    static int limitFor(String known) {
        return known.length() <= 3 ? 1 : 2;
    }

    /**
     * Optimal-string-alignment distance between {@code a} and {@code b}, or {@code limit + 1} as
     * soon as it is certain to exceed {@code limit}: names far longer or shorter than a known one
     * (a hostile line can carry long keys) cost nothing.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
