package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.PolicyEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine built while picocli parses: used only for exactly the options it was built from. */
final class EarlyEngineTest {
    @Test
    void the_guess_reads_the_cache_and_tier_options_in_either_spelling() {
        PolicyCli.EngineOptions o = EarlyEngine.guess(List.of("evaluate", "--rules-cache", "/c", "--no-semantic", "in.jsonl"));
        assertThat(o.rulesCache).isEqualTo(Path.of("/c"));
        assertThat(o.semantic).isFalse();
        assertThat(o.noRulesCache).isFalse();
        PolicyCli.EngineOptions p = EarlyEngine.guess(List.of("explain", "--rules-cache=/d", "--no-rules-cache", "--format", "text"));
        assertThat(p.rulesCache).isEqualTo(Path.of("/d"));
        assertThat(p.noRulesCache).isTrue();
        assertThat(p.semantic).isTrue();
    }

    @Test
    void there_is_no_guess_for_other_commands_a_school_profile_or_rules_or_verbose_runs() {
        assertThat(EarlyEngine.guess(List.of())).isNull();
        assertThat(EarlyEngine.guess(List.of("check"))).isNull();
        assertThat(EarlyEngine.guess(List.of("serve"))).isNull();
        assertThat(EarlyEngine.guess(List.of("evaluate", "--profile", "p.yaml"))).isNull();
        assertThat(EarlyEngine.guess(List.of("evaluate", "--rules=dir"))).isNull();
        assertThat(EarlyEngine.guess(List.of("evaluate", "--verbose"))).isNull();
        assertThat(EarlyEngine.guess(List.of("evaluate", "--help"))).isNull();
        assertThat(EarlyEngine.guess(List.of("evaluate", "--rules-cache"))).isNull();
        assertThat(EarlyEngine.guess(List.of("evaluate", "--semantic=false"))).isNull();
    }

    @Test
    void the_early_engine_is_taken_only_when_the_parsed_options_are_the_ones_it_was_built_from(@TempDir Path cache) {
        EarlyEngine started = EarlyEngine.start(new String[] {"evaluate", "--no-semantic", "--rules-cache", cache.toString()});
        PolicyCli.EngineOptions other = new PolicyCli.EngineOptions();
        other.semantic = false;
        other.noRulesCache = true;
        PolicyEngine notTaken = EarlyEngine.buildEngine(other);
        PolicyCli.EngineOptions same = new PolicyCli.EngineOptions();
        same.semantic = false;
        same.rulesCache = cache;
        PolicyEngine early = EarlyEngine.buildEngine(same);
        assertThat(early).isSameAs(started.engine.join()).isNotSameAs(notTaken);
        assertThat(EarlyEngine.buildEngine(same)).as("taken once; later runs build their own").isNotSameAs(early);
        assertThat(early.policyDigest()).isEqualTo(notTaken.policyDigest());
    }
}
