package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic model copied once into the user's cache with its SHA-256, and used only from a private folder. */
final class ModelFileCacheTest {
    private static final ClassLoader LOADER = ModelFileCacheTest.class.getClassLoader();

    @Test
    void the_model_is_copied_once_with_the_sha_256_of_its_bytes(@TempDir Path root) throws Exception {
        ModelFileCache.Cached cached = ModelFileCache.prepare(root, LOADER);
        assertThat(cached).isNotNull();
        byte[] model;
        try (InputStream in = LOADER.getResourceAsStream(ModelFileCache.MODEL)) {
            model = in.readAllBytes();
        }
        assertThat(Files.readAllBytes(cached.file())).isEqualTo(model);
        assertThat(cached.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model)));
        long modified = Files.getLastModifiedTime(cached.file()).toMillis();
        assertThat(ModelFileCache.prepare(root, LOADER)).isEqualTo(cached);
        assertThat(Files.getLastModifiedTime(cached.file()).toMillis()).isEqualTo(modified);
        try (var files = Files.list(root)) {
            assertThat(files.toList()).as("no scratch folder left").containsExactly(cached.file().getParent());
        }
    }

    @Test
    void a_folder_others_can_write_or_a_file_of_the_wrong_size_is_not_used(@TempDir Path root) throws IOException {
        ModelFileCache.Cached cached = ModelFileCache.prepare(root, LOADER);
        assertThat(cached).isNotNull();
        Files.setPosixFilePermissions(cached.file().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(ModelFileCache.prepare(root, LOADER)).isNull();
        Files.setPosixFilePermissions(cached.file().getParent(), PosixFilePermissions.fromString("rwx------"));
        assertThat(ModelFileCache.prepare(root, LOADER)).isEqualTo(cached);
        Files.write(cached.file(), new byte[] {1, 2, 3});
        assertThat(ModelFileCache.prepare(root, LOADER)).isNull();
    }
}
