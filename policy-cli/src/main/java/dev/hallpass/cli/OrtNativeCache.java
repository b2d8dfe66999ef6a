package dev.hallpass.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * ONNX Runtime's native libraries, copied out of its jar once into {@code
 * ${XDG_CACHE_HOME:-~/.cache}/hallpass/onnxruntime/PLATFORM-HASH/} and loaded from there ({@code
 * onnxruntime.native.path}). Left to itself, ONNX Runtime copies about 16 MB of libraries into a new
 * {@code /tmp/onnxruntime-java*} folder on every start, and that folder stays behind (it is
 * registered for deletion before the files in it, so the JVM tries it first, while it is not yet empty).
 *
 * <p>{@code HASH} is made from the CRC-32 and size of each library as its jar records them, so a new
 * ONNX Runtime gets a folder of its own and nothing is read but the jar's directory on a warm start. A
 * folder is filled under a temporary name and moved into place in one step, so a run never sees a
 * half-written one; the folder, the one it is in and the files are used only if they are no symbolic links,
 * belong to this user and nobody else can write them ({@link PrivateDirs}). When the cache cannot be
 * written or may not be trusted, or this platform's libraries are not in the jar,
 * nothing is set and ONNX Runtime loads as it always did. A {@code onnxruntime.native.path} given by
 * the user is left alone.
 */
final class OrtNativeCache {
    static final String PROPERTY = "onnxruntime.native.path";
    private static final String RESOURCES = "ai/onnxruntime/native/";

    private OrtNativeCache() {}

    /** Points ONNX Runtime at the cached libraries, copying them there first if need be; before the first {@code OrtEnvironment}. */
    static void install(Map<String, String> env, String home) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path root = root(env, home);
        Path dir = root == null ? null : prepare(root, OrtNativeCache.class.getClassLoader());
        if (dir != null) {
            System.setProperty(PROPERTY, dir.toString());
        }
    }

    /** {@code $XDG_CACHE_HOME/hallpass/onnxruntime} (when absolute), else {@code ~/.cache/hallpass/onnxruntime}; null with no home. */
    static Path root(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "hallpass", "onnxruntime");
        }
        return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "hallpass", "onnxruntime");
    }

    /**
     * The folder under {@code root} holding this platform's libraries from {@code loader}, copied there
     * if it is not yet; null when they are not on the class path or cannot be written.
     */
    static Path prepare(Path root, ClassLoader loader) {
        String platform = platform();
        if (platform == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (String library : new String[] {"onnxruntime", "onnxruntime4j_jni"}) {
            String name = System.mapLibraryName(library);
            URL url = loader.getResource(RESOURCES + platform + "/" + name);
            if (url == null) {
                return null;
            }
            names.add(name);
            urls.add(url);
            key.append(name).append(':').append(fingerprint(url)).append(';');
        }
        Path dir = root.resolve(platform + "-" + sha256(key.toString()).substring(0, 16));
        if (Files.isDirectory(dir)) {
            return usable(root, dir, names) ? dir : null;
        }
        Path tmp = null;
        try {
            tmp = scratch(root, "." + platform + "-");
            for (int i = 0; i < names.size(); i++) {
                try (InputStream in = urls.get(i).openStream()) {
                    Files.copy(in, tmp.resolve(names.get(i)));
                }
                ownerOnly(tmp.resolve(names.get(i)));
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another run got there first
            }
            return usable(root, dir, names) ? dir : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    /** True when {@code dir} and each of {@code names} in it are there and private (see {@link PrivateDirs}), {@code root} too. */
    static boolean usable(Path root, Path dir, List<String> names) {
        return PrivateDirs.isPrivate(root) && PrivateDirs.isPrivate(dir)
                && names.stream().allMatch(n -> Files.isRegularFile(dir.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && PrivateDirs.isPrivate(dir.resolve(n)));
    }

    /** A new owner-only scratch folder in {@code root}, which is made (owner-only) if need be. */
    static Path scratch(Path root, String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            try {
                Files.createDirectories(root, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(root);
            }
        }
        return Files.createTempDirectory(root, prefix); // owner-only where there are POSIX permissions
    }

    /** Read and write for the owner alone, where there are POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions here
        }
    }

    static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar's CRC-32 and size of the entry (no decompression); the bytes' length when not in a jar. */
    static String fingerprint(URL url) {
        try {
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection jar && jar.getJarEntry() != null) {
                return Long.toHexString(jar.getJarEntry().getCrc()) + "/" + jar.getJarEntry().getSize();
            }
            try (InputStream in = c.getInputStream()) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                byte[] buffer = new byte[1 << 16];
                long size = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
                return Long.toHexString(crc.getValue()) + "/" + size;
            }
        } catch (IOException e) {
            return "?";
        }
    }

    /** ONNX Runtime's name for this platform ({@code linux-x64}, {@code osx-aarch64}, ...), or null. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : os.contains("nux") ? "linux" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }

    static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch folder left in the cache: harmless
        }
    }
}
