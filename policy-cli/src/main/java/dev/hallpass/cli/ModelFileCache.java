package dev.hallpass.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The semantic tier's model (34 MB), copied out of its jar once into {@code
 * ${XDG_CACHE_HOME:-~/.cache}/hallpass/models/NAME-HASH/} with its SHA-256 beside it, so that later
 * starts hand ONNX Runtime the file's path instead of inflating it into the heap and hashing it
 * (about 0.4 s of a start with C1 alone, as {@code ./policy} runs). The folder is named after the
 * jar's CRC-32 and size of the entry, filled under a temporary name and moved into place in one step,
 * and used only when it is private ({@link PrivateDirs}) and the file has the size the jar records;
 * otherwise nothing is set and the tier reads the model from its jar as before.
 */
final class ModelFileCache {
    static final String MODEL = "bge-small-en-v1.5-q.onnx";
    /** Read by the tier's encoder: the model file, and its SHA-256 in hex. */
    static final String FILE_PROPERTY = "hallpass.semantic.modelFile";
    static final String DIGEST_PROPERTY = "hallpass.semantic.modelSha256";
    private static final String DIGEST_FILE = "sha256";

    private ModelFileCache() {}

    /** Points the tier at the cached model, copying it there first if need be; before the tier loads. */
    static void install(java.util.Map<String, String> env, String home) {
        if (System.getProperty(FILE_PROPERTY) != null) {
            return;
        }
        Path root = OrtNativeCache.root(env, home);
        Cached cached = root == null ? null : prepare(root.resolveSibling("models"), ModelFileCache.class.getClassLoader());
        if (cached != null) {
            System.setProperty(DIGEST_PROPERTY, cached.sha256());
            System.setProperty(FILE_PROPERTY, cached.file().toString());
        }
    }

    /** The model on disk and its SHA-256. */
    record Cached(Path file, String sha256) {}

    /** The cached model under {@code root}, copied there if it is not yet; null when that cannot be done or trusted. */
    static Cached prepare(Path root, ClassLoader loader) {
        URL url = loader.getResource(MODEL);
        if (url == null) {
            return null;
        }
        String fingerprint = OrtNativeCache.fingerprint(url);
        long size;
        try {
            size = Long.parseLong(fingerprint.substring(fingerprint.indexOf('/') + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        Path dir = root.resolve(MODEL.replace(".onnx", "") + "-" + OrtNativeCache.sha256(MODEL + ":" + fingerprint).substring(0, 16));
        if (!Files.isDirectory(dir)) {
            Path tmp = null;
            try {
                tmp = OrtNativeCache.scratch(root, ".model-");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(url.openStream(), sha)) {
                    Files.copy(in, tmp.resolve(MODEL));
                }
                Files.writeString(tmp.resolve(DIGEST_FILE), HexFormat.of().formatHex(sha.digest()), StandardCharsets.US_ASCII);
                OrtNativeCache.ownerOnly(tmp.resolve(MODEL));
                OrtNativeCache.ownerOnly(tmp.resolve(DIGEST_FILE));
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                    tmp = null;
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    // another run got there first
                }
            } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
                return null;
            } finally {
                if (tmp != null) {
                    OrtNativeCache.delete(tmp);
                }
            }
        }
        try {
            if (!OrtNativeCache.usable(root, dir, List.of(MODEL, DIGEST_FILE)) || Files.size(dir.resolve(MODEL)) != size) {
                return null;
            }
            String sha256 = Files.readString(dir.resolve(DIGEST_FILE), StandardCharsets.US_ASCII).trim();
            return sha256.matches("[0-9a-f]{64}") ? new Cached(dir.resolve(MODEL), sha256) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
