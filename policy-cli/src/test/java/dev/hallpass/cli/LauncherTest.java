package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./policy} launcher script's first build, run for real: a copy of the script in a folder
 * whose POMs build nothing, so the real {@code mvn} starts and finishes in a few seconds.
 */
final class LauncherTest {
    private static final String AGGREGATOR = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>test.launcher</groupId>
              <artifactId>root</artifactId>
              <version>1</version>
              <packaging>pom</packaging>
              <modules><module>policy-cli</module></modules>
            </project>
            """;
    private static final String MODULE = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>test.launcher</groupId>
              <artifactId>policy-cli</artifactId>
              <version>1</version>
              <packaging>pom</packaging>
            </project>
            """;

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void the_first_build_writes_no_ansi_escapes_to_stderr(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("mvn") && Files.isExecutable(Path.of("/bin/bash")), "needs bash and mvn on the PATH");
        Path launcher = dir.resolve("policy");
        Files.copy(Path.of("../policy"), launcher);
        Files.writeString(dir.resolve("pom.xml"), AGGREGATOR);
        Files.createDirectories(dir.resolve("policy-cli/target"));
        Files.writeString(dir.resolve("policy-cli/pom.xml"), MODULE);
        Path err = dir.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", launcher.toString(), "--version")
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.remove("MAVEN_OPTS"); // as on a fresh machine
        env.put("HALLPASS_CDS", "off");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher's build did not finish in 120 s");
        }
        String stderr = Files.readString(err);
        assertThat(stderr).contains("policy: building the CLI").doesNotContain("build failed");
        assertThat(stderr.indexOf('\u001b')).as("ESC in stderr: %s", stderr.replace("\u001b", "\\e")).isEqualTo(-1);
        assertThat(Files.readString(dir.resolve("stdout"))).doesNotContain("\u001b");
    }
}
