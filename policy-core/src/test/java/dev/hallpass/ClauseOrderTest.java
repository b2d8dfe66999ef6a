package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ClauseOrderTest {
    private static final Pattern NUMBERED = Pattern.compile("\\d+(\\.\\d+)*");

    /** The order written the slow, obvious way: split, regex, arbitrary-precision numbers. */
    private static int reference(String a, String b) {
        boolean na = NUMBERED.matcher(a).matches();
        boolean nb = NUMBERED.matcher(b).matches();
        if (na != nb) {
            return na ? -1 : 1;
        }
        if (!na) {
            return Integer.signum(a.compareTo(b));
        }
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = new BigInteger(pa[i]).compareTo(new BigInteger(pb[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.signum(Integer.compare(pa.length, pb.length));
    }

    private static Gen<String> ids() {
        Gen<String> part = arbitrary().pick(List.of("0", "1", "2", "4", "7", "12", "04", "007", "99999999999999999999999",
                "100000000000000000000000", "", "a", "x1"));
        return lists().of(part).ofSizeBetween(1, 4).map(parts -> String.join(".", parts))
                .mix(arbitrary().pick(List.of("UNCHECKED", ".4", "4.", "4..7", "school-6.1", "Z", "")), 20);
    }

    @Test
    void clause_ids_sort_exactly_as_their_numbers_read_for_any_ids_and_any_number_length() {
        qt().withExamples(5_000).forAll(ids(), ids()).checkAssert((a, b) -> {
            assertThat(Integer.signum(Catalogue.compareIds(a, b))).as("%s vs %s", a, b).isEqualTo(reference(a, b));
            assertThat(Integer.signum(Catalogue.compareIds(b, a))).as("%s vs %s", b, a).isEqualTo(-reference(a, b));
        });
    }

    @Test
    void the_policy_numbering_reads_in_document_order() {
        List<String> ids = new ArrayList<>(List.of("5.5", "4.12", "4.2", "3.2.1", "4.1", "3.1.2", "10", "4", "SCHOOL", "3.1.1"));
        ids.sort(Catalogue.CLAUSE_ORDER);
        assertThat(ids).containsExactly("3.1.1", "3.1.2", "3.2.1", "4", "4.1", "4.2", "4.12", "5.5", "10", "SCHOOL");
    }

    @Test
    void a_clause_number_too_long_for_a_long_still_sorts_instead_of_failing() {
        qt().forAll(integers().between(0, 40)).checkAssert(extra -> {
            String big = "9".repeat(20 + extra);
            assertThat(Catalogue.compareIds("4." + big, "4.1" + big)).isNegative();
        });
    }
}
