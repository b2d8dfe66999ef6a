package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a release ships, checked on the built artifacts (after {@code package}): the standalone CLI
 * jar runs outside the checkout, every library jar has a stable module name and no package split
 * between two of them, and the BOM lists every library at the release's version.
 */
final class PackagingIT {
    private static final Path ROOT = Path.of(System.getProperty("hallpass.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("hallpass.version", "unknown");
    private static final Map<String, String> LIBRARIES = new TreeMap<>(Map.of(
            "policy-core", "dev.hallpass.core",
            "policy-rules", "dev.hallpass.rules",
            "policy-semantic", "dev.hallpass.semantic",
            "policy-testkit", "dev.hallpass.testkit"));

    @TempDir
    Path elsewhere;

    @Test
    void the_standalone_jar_evaluates_a_message_from_a_folder_outside_the_checkout() throws Exception {
        Path jar = Files.copy(ROOT.resolve("policy-cli/target/policy-cli-" + VERSION + "-all.jar"), elsewhere.resolve("hallpass.jar"));
        String message = "{\"id\":\"m-1\",\"channel\":\"CLASS_CHAT\",\"sender\":{\"role\":\"PARENT\"},\"classId\":\"oak\","
                + "\"text\":\"Does anyone know if Amelia left her coat?\",\"sentAt\":\"2027-03-10T10:15:00Z\"}\n";
        Run run = java(jar, message, "evaluate");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode decision = new ObjectMapper().readTree(run.out());
        assertThat(decision.get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(decision.get("reasons").get(0).get("clause").asText()).isEqualTo("4.12");
        assertThat(decision.get("policyDigest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(run.err()).as("the semantic tier loads from inside the jar").doesNotContain("could not load");
    }

    @Test
    void the_standalone_jar_says_its_version() throws Exception {
        Path jar = ROOT.resolve("policy-cli/target/policy-cli-" + VERSION + "-all.jar");
        Run run = java(jar, "", "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out().trim()).isEqualTo("hallpass " + VERSION);
    }

    @Test
    void every_library_jar_is_a_named_module_and_no_two_share_a_package() throws IOException {
        List<Path> jars = LIBRARIES.keySet().stream().map(m -> ROOT.resolve(m + "/target/" + m + "-" + VERSION + ".jar")).toList();
        jars.forEach(j -> assertThat(j).exists());
        // ModuleFinder refuses two modules with one package, and names each automatic module by its manifest.
        Map<String, String> names = ModuleFinder.of(jars.toArray(Path[]::new)).findAll().stream()
                .map(ModuleReference::descriptor)
                .collect(Collectors.toMap(d -> d.name(), d -> String.join(",", d.packages().stream().sorted().toList())));
        assertThat(names.keySet()).containsExactlyInAnyOrderElementsOf(LIBRARIES.values());
        for (String m : LIBRARIES.keySet()) {
            try (JarFile jar = new JarFile(ROOT.resolve(m + "/target/" + m + "-" + VERSION + ".jar").toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(VERSION);
            }
            if (!m.equals("policy-rules")) {
                assertThat(ROOT.resolve(m + "/target/" + m + "-" + VERSION + "-javadoc.jar")).as(m + " Javadoc jar").exists();
            }
            assertThat(ROOT.resolve(m + "/target/" + m + "-" + VERSION + "-sources.jar")).as(m + " sources jar").exists();
        }
    }

    @Test
    void the_bom_pins_every_library_and_the_cli_at_the_reactors_version() throws IOException {
        String bom = Files.readString(ROOT.resolve("hallpass-bom/pom.xml"), StandardCharsets.UTF_8);
        assertThat(bom).contains("<version>" + VERSION + "</version>");
        for (String m : List.of("policy-core", "policy-rules", "policy-semantic", "policy-testkit", "policy-cli")) {
            assertThat(bom).contains("<artifactId>" + m + "</artifactId>");
        }
        assertThat(bom).doesNotContain("<parent>");
    }

    private record Run(int exit, String out, String err) {}

    private Run java(Path jar, String stdin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
        pb.environment().put("HALLPASS_RULES_CACHE", elsewhere.resolve("cache").toString());
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
