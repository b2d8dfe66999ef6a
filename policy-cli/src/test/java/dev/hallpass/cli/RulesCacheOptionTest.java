package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --rules-cache DIR}, {@code --no-rules-cache} and where the cache goes by default. */
final class RulesCacheOptionTest {
    private static final String MESSAGE = "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
            + "\"text\":\"See you at the fair\",\"sentAt\":\"2026-11-24T10:15:00Z\"}";

    @TempDir
    Path dir;

    /** Rules no other test has built in this JVM, so the build really compiles (engines share equal rules). */
    private Path uniqueRules() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("extra.drl"), """
                package dev.hallpass.rules;
                import dev.hallpass.facts.Message;
                import dev.hallpass.facts.ClauseMatch;
                // %s
                rule "4.4 never" @clause("4.4")
                when
                    Message( attachmentCount > 1000 )
                then
                    insert(ClauseMatch.block("4.4"));
                end
                """.formatted(UUID.randomUUID()));
        return rules;
    }

    private int run(String... args) throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), MESSAGE + "\n");
        String[] all = Stream.concat(Stream.of(args), Stream.of(in.toString())).toArray(String[]::new);
        return PolicyCli.run(all, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static long filesIn(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(p -> p.toString().endsWith(".rules")).count();
        }
    }

    @Test
    void evaluate_with_rules_cache_writes_the_compiled_rules_there() throws IOException {
        Path cache = dir.resolve("cache");
        assertThat(run("evaluate", "--rules", uniqueRules().toString(), "--rules-cache", cache.toString())).isZero();
        assertThat(filesIn(cache)).isEqualTo(1);
    }

    @Test
    void no_rules_cache_neither_reads_nor_writes_one() throws IOException {
        Path cache = dir.resolve("cache");
        assertThat(run("evaluate", "--rules", uniqueRules().toString(), "--rules-cache", cache.toString(), "--no-rules-cache")).isZero();
        assertThat(filesIn(cache)).isZero();
    }

    @Test
    void an_unusable_cache_directory_does_not_stop_evaluation() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThat(run("evaluate", "--rules", uniqueRules().toString(), "--rules-cache", file.resolve("cache").toString())).isZero();
    }

    @Test
    void the_cache_directory_comes_from_the_option_then_the_environment_then_xdg_then_home() {
        PolicyCli.EngineOptions o = new PolicyCli.EngineOptions();
        assertThat(o.rulesCacheDirectory(Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.cache/hallpass/rules"));
        assertThat(o.rulesCacheDirectory(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/ann")).isEqualTo(Path.of("/xdg/hallpass/rules"));
        assertThat(o.rulesCacheDirectory(Map.of("XDG_CACHE_HOME", "relative"), "/home/ann"))
                .as("a relative XDG_CACHE_HOME is ignored, as the spec says").isEqualTo(Path.of("/home/ann/.cache/hallpass/rules"));
        assertThat(o.rulesCacheDirectory(Map.of("XDG_CACHE_HOME", "/xdg", "HALLPASS_RULES_CACHE", "/env"), "/home/ann"))
                .isEqualTo(Path.of("/env"));
        assertThat(o.rulesCacheDirectory(Map.of(), null)).isNull();
        o.rulesCache = Path.of("/opt");
        assertThat(o.rulesCacheDirectory(Map.of("HALLPASS_RULES_CACHE", "/env"), "/home/ann")).isEqualTo(Path.of("/opt"));
        o.noRulesCache = true;
        assertThat(o.rulesCacheDirectory(Map.of("HALLPASS_RULES_CACHE", "/env"), "/home/ann")).isNull();
    }

    @Test
    void help_still_lists_every_subcommand() {
        StringWriter out = new StringWriter();
        PolicyCli.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(out.toString()).contains("evaluate", "explain", "check", "test");
    }
}
