package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime's native libraries (and, in the forked run, the model): copied once into the user's
 * cache and loaded from there, nothing left in /tmp.
 */
final class OrtNativeCacheTest {
    private static final ClassLoader LOADER = OrtNativeCacheTest.class.getClassLoader();

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void the_libraries_are_copied_byte_for_byte_once_and_found_again_without_copying(@TempDir Path root) throws IOException {
        assumeTrue(OrtNativeCache.platform() != null, "a platform ONNX Runtime ships libraries for");
        Path dir = OrtNativeCache.prepare(root, LOADER);
        assertThat(dir).isNotNull();
        assertThat(dir.getParent()).isEqualTo(root);
        assertThat(dir.getFileName().toString()).matches(OrtNativeCache.platform() + "-[0-9a-f]{16}");
        for (String library : new String[] {"onnxruntime", "onnxruntime4j_jni"}) {
            String name = System.mapLibraryName(library);
            try (InputStream in = LOADER.getResourceAsStream("ai/onnxruntime/native/" + OrtNativeCache.platform() + "/" + name)) {
                assertThat(Files.readAllBytes(dir.resolve(name))).as(name).isEqualTo(in.readAllBytes());
            }
            Files.setLastModifiedTime(dir.resolve(name), FileTime.fromMillis(0));
        }
        assertThat(OrtNativeCache.prepare(root, LOADER)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(dir.resolve(System.mapLibraryName("onnxruntime"))).toMillis()).isZero();
        assertThat(list(root)).as("no scratch folder left").containsExactly(dir);
    }

    @Test
    void a_cache_that_cannot_be_written_leaves_onnx_runtime_to_load_as_before(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThat(OrtNativeCache.prepare(file.resolve("onnxruntime"), LOADER)).isNull();
        String before = System.getProperty(OrtNativeCache.PROPERTY);
        try {
            System.clearProperty(OrtNativeCache.PROPERTY);
            OrtNativeCache.install(Map.of("XDG_CACHE_HOME", file.toString()), null);
            assertThat(System.getProperty(OrtNativeCache.PROPERTY)).isNull();
        } finally {
            if (before != null) {
                System.setProperty(OrtNativeCache.PROPERTY, before);
            }
        }
    }

    @Test
    void the_cache_folder_follows_xdg_cache_home_else_the_home_directory() {
        assertThat(OrtNativeCache.root(Map.of("XDG_CACHE_HOME", "/c"), "/h")).isEqualTo(Path.of("/c/hallpass/onnxruntime"));
        assertThat(OrtNativeCache.root(Map.of("XDG_CACHE_HOME", "relative"), "/h")).isEqualTo(Path.of("/h/.cache/hallpass/onnxruntime"));
        assertThat(OrtNativeCache.root(Map.of(), "?")).isNull();
    }

    @Test
    void a_semantic_run_loads_onnx_runtime_and_the_model_from_the_cache_leaves_nothing_in_the_temporary_folder_and_decides_as_without(@TempDir Path dir) throws Exception {
        assumeTrue(OrtNativeCache.platform() != null, "a platform ONNX Runtime ships libraries for");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"m-1\",\"channel\":\"PRIVATE_CHAT\",\"sender\":{\"role\":\"PARENT\"},"
                + "\"text\":\"See you at the fair\",\"sentAt\":\"2026-11-30T10:00:00Z\"}\n");
        for (int run = 1; run <= 2; run++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                    PolicyCli.class.getName(), "evaluate", "--rules-cache", dir.resolve("rules").toString(), input.toString());
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
            Process p = pb.start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("run %d: %s", run, Files.readString(dir.resolve("err"))).isZero();
            assertThat(Files.readString(dir.resolve("out"))).contains("\"outcome\"");
            assertThat(list(tmp).stream().map(f -> f.getFileName().toString())).as("run %d", run).noneMatch(n -> n.startsWith("onnxruntime-java"));
            List<Path> cached = list(cache.resolve("hallpass/onnxruntime"));
            assertThat(cached).hasSize(1);
            assertThat(cached.get(0).resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
            assertThat(list(cache.resolve("hallpass/models"))).hasSize(1);
        }
        String fromCache = Files.readString(dir.resolve("out"));
        // No cache (it would have to be made inside a file): the libraries and the model come from the jars, as before.
        Path file = Files.writeString(dir.resolve("a-file"), "");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PolicyCli.class.getName(), "evaluate", "--rules-cache", dir.resolve("rules").toString(), input.toString());
        pb.environment().put("XDG_CACHE_HOME", file.toString());
        pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err"))).isZero();
        assertThat(Files.readString(dir.resolve("out"))).as("the same decision and policy digest").isEqualTo(fromCache);
    }
}
