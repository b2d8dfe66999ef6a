package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.fixtures.Engines;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The clause catalogue covers the whole policy, and agrees with the rule files. */
final class CatalogueTest {
    private final List<Clause> clauses = Engines.defaults().clauses();

    @Test
    void every_numbered_clause_of_the_policy_is_in_the_catalogue_in_document_order() {
        assertThat(clauses).extracting(Clause::id).containsExactly(
                "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.1.1", "3.1.2", "3.1.3", "3.2", "3.2.1", "3.2.2",
                "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12",
                "5.1", "5.2", "5.3", "5.4", "5.5");
    }

    @Test
    void every_clause_has_its_text_and_a_title() {
        assertThat(clauses).allSatisfy(c -> {
            assertThat(c.title()).isNotBlank();
            assertThat(c.text()).as(c.id()).hasSizeGreaterThan(20);
        });
    }

    @Test
    void an_informational_clause_says_why_and_has_no_rules() {
        assertThat(clauses).filteredOn(c -> !c.enforced()).allSatisfy(c -> {
            assertThat(c.reason()).as(c.id()).hasSizeGreaterThan(20);
            assertThat(c.rules()).as(c.id()).isEmpty();
        });
    }

    @Test
    void an_enforced_clause_names_rule_files_that_ship_and_a_tip_that_names_it() {
        Set<String> shipped = Set.copyOf(PolicyEngine.builtInRuleNames());
        assertThat(clauses).filteredOn(Clause::enforced).allSatisfy(c -> {
            assertThat(c.rules()).as(c.id()).isNotEmpty();
            assertThat(shipped).as(c.id()).containsAll(c.rules());
            assertThat(c.tip()).as(c.id()).contains("policy " + c.id());
            c.tipsByRoute().values().forEach(t -> assertThat(t).as(c.id()).contains("policy " + c.id()));
        });
    }

    @Test
    void every_shipped_rule_file_belongs_to_an_enforced_clause() {
        Set<String> claimed = clauses.stream().flatMap(c -> c.rules().stream()).collect(Collectors.toSet());
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(PolicyEngine.builtInRuleNames());
    }
}
