package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verbose} in a process of its own, where its log level takes effect (in-process runs share
 * one logger configuration): the compiled-rules cache's miss and hit, and no message text or name in
 * anything written to stderr, logs included.
 */
final class ForkedVerboseTest {
    private static final String NAMED = "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"classId\":\"oak\","
            + "\"text\":\"Has anyone seen Amelia's blue coat?\",\"sentAt\":\"2026-11-24T10:00:00Z\"}";

    private static String stderrOf(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PolicyCli.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not finish in 180 s");
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(err);
    }

    @Test
    void verbose_reports_the_rules_cache_miss_then_hit_and_never_the_text(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), NAMED + "\n");
        Path cache = dir.resolve("cache");
        String first = stderrOf(dir, "evaluate", "--verbose", "--rules-cache", cache.toString(), input.toString());
        String second = stderrOf(dir, "evaluate", "--verbose", "--rules-cache", cache.toString(), input.toString());
        assertThat(first).contains("compiled-rules cache: miss").doesNotContain("compiled-rules cache: hit");
        assertThat(second).contains("compiled-rules cache: hit").doesNotContain("compiled-rules cache: miss");
        for (String err : List.of(first, second)) {
            assertThat(err).contains("policy: profile: built-in").contains("policy: semantic tier: on")
                    .doesNotContain("Amelia").doesNotContain("blue coat").doesNotContain("Khan");
        }
    }
}
