package dev.hallpass;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of compiled rule packages, so a process that starts often (the CLI) skips the Drools
 * compiler. One file per key; the key covers everything the compiled packages depend on (the rule
 * sources, the catalogue's clause ids, the Drools, Hallpass and Java versions, and the bytes of
 * the fact-model classes rules may use), so a changed input is a different file, never a stale hit.
 *
 * <p>A file is never trusted: it is read only if it belongs to this user and nobody else may write
 * it or its directory; its header (magic, format version, key, payload length, SHA-256 of the
 * payload) must match before a byte of the payload is deserialized; and deserialization admits
 * only the classes a Drools package is made of (see {@link #FILTER}), with bounded depth, arrays
 * and references. Anything wrong is a miss: the caller compiles and overwrites the file. The
 * checksum catches truncation and corruption, not a forger who can write the directory (that
 * user could run code as this one anyway); the owner-only permissions are what keep others out.
 *
 * <p>Writes go to a temporary file renamed into place, so readers see a whole file or none. A
 * failure to read or write is logged (paths and reasons, never message text) and otherwise
 * ignored: the cache can make a build faster, never make it fail. Thread-safe; several processes
 * may share a directory.
 */
final class RuleCache {
    /** Bumped whenever the file layout or what the payload holds changes. */
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "HALLPASS-RULES\n\0".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".rules";
    /** Larger cache files are not read: 2,500 generated rules serialize to about 20 MB. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Files kept in the directory; older ones (other rule sets, other versions) are deleted. */
    static final int KEEP_FILES = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);

    /**
     * What a Drools 10 package is made of, found by recording every class a package of the
     * built-in rules and of generated school rules deserializes; everything else is rejected.
     * The fact model is admitted class by class (what {@link RuleValidator} lets a rule import).
     */
    static final ObjectInputFilter FILTER = RuleCache::admit;
    private static final List<String> ALLOWED_PREFIXES = List.of(
            "org.drools.base.", "org.drools.core.rule.", "org.drools.mvel.", "org.drools.io.",
            "org.drools.util.PortablePath", "org.drools.compiler.rule.builder.EvaluatorWrapper",
            "org.kie.api.definition.type.Role$Type", "org.kie.api.io.ResourceType");
    private static final Set<String> ALLOWED_JDK = Set.of(
            "java.lang.Boolean", "java.lang.Enum", "java.lang.Integer", "java.lang.Long", "java.lang.Number",
            "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Double", "java.lang.Float",
            "java.lang.String", "java.lang.Object",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.IdentityHashMap", "java.util.Map$Entry",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Collections$SynchronizedMap", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonMap", "java.util.Collections$SingletonSet",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Segment",
            "java.util.concurrent.ConcurrentHashMap$CollectionView", "java.util.concurrent.ConcurrentHashMap$KeySetView",
            "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.locks.AbstractOwnableSynchronizer", "java.util.concurrent.locks.AbstractQueuedSynchronizer",
            "java.util.concurrent.locks.ReentrantLock", "java.util.concurrent.locks.ReentrantLock$Sync",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync",
            "java.time.DayOfWeek");
    private static final long MAX_DEPTH = 200;
    private static final long MAX_ARRAY = 1_000_000;
    private static final long MAX_REFS = 10_000_000;

    private final Path dir;

    RuleCache(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path directory() {
        return dir;
    }

    /** The cache's key for rule sources whose own key (sources and catalogue) is {@code rulesKey}. */
    static String key(String rulesKey) {
        MessageDigest sha = sha256();
        update(sha, "format=" + FORMAT_VERSION);
        update(sha, "rules=" + rulesKey);
        update(sha, "drools=" + droolsVersion());
        update(sha, "hallpass=" + hallpassVersion());
        update(sha, "java=" + System.getProperty("java.specification.version"));
        // The compiled packages refer to the fact model's classes by field and method: a change
        // to them during development (same version string) must miss.
        for (String type : RuleValidator.ALLOWED_IMPORTS.stream().filter(t -> t.startsWith("dev.hallpass.") && !t.endsWith("*")).sorted().toList()) {
            update(sha, type);
            try (InputStream in = RuleCache.class.getClassLoader().getResourceAsStream(type.replace('.', '/') + ".class")) {
                sha.update(in == null ? new byte[0] : in.readAllBytes());
            } catch (IOException e) {
                update(sha, "unreadable");
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The Drools release, from the jars' manifests (every module of a release shares it). */
    static String droolsVersion() {
        StringBuilder out = new StringBuilder();
        for (Class<?> c : List.of(DroolsObjectInputStream.class, org.drools.core.rule.JavaDialectRuntimeData.class,
                org.drools.mvel.MVELKnowledgePackageImpl.class, org.drools.kiesession.rulebase.KnowledgeBaseFactory.class)) {
            String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
            out.append(v != null ? v : org.drools.base.util.Drools.getFullVersion()).append(';');
        }
        return out.toString();
    }

    /** Hallpass's version, written into a resource when policy-core is built. */
    static String hallpassVersion() {
        try (InputStream in = RuleCache.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    Path file(String key) {
        return dir.resolve(key + SUFFIX);
    }

    /**
     * The packages cached under {@code key}, or empty when there are none or the file is not to be
     * trusted (logged at WARN with the reason). Never throws.
     */
    Optional<Collection<KiePackage>> load(String key) {
        Path file = file(key);
        try {
            if (!Files.isRegularFile(file)) {
                LOG.debug("compiled-rules cache: no entry {}", file.getFileName());
                return Optional.empty();
            }
            String unsafe = unsafeOwnership(file);
            if (unsafe != null) {
                LOG.warn("compiled-rules cache file {} ignored: {}", file, unsafe);
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                LOG.warn("compiled-rules cache file {} ignored: {} bytes, over {}", file, size, MAX_FILE_BYTES);
                return Optional.empty();
            }
            byte[] payload = verifiedPayload(Files.readAllBytes(file), key);
            Collection<KiePackage> packages = deserialize(payload);
            LOG.debug("compiled-rules cache: loaded {} packages from {}", packages.size(), file.getFileName());
            return Optional.of(packages);
        } catch (CorruptCacheException e) {
            LOG.warn("compiled-rules cache file {} ignored: {}", file, e.getMessage());
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn("compiled-rules cache file {} ignored: cannot be read ({})", file, e.getClass().getName());
        } catch (StackOverflowError e) {
            LOG.warn("compiled-rules cache file {} ignored: nested too deeply", file);
        }
        return Optional.empty();
    }

    /** Thrown for a file whose header or checksum does not match. */
    static final class CorruptCacheException extends IOException {
        CorruptCacheException(String message) {
            super(message);
        }
    }

    /** Checks the header and the payload's checksum; returns the payload. */
    static byte[] verifiedPayload(byte[] file, String key) throws CorruptCacheException {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!MessageDigest.isEqual(magic, MAGIC)) {
                throw new CorruptCacheException("not a compiled-rules cache file");
            }
            int format = in.readInt();
            if (format != FORMAT_VERSION) {
                throw new CorruptCacheException("format version " + format + ", expected " + FORMAT_VERSION);
            }
            String storedKey = in.readUTF();
            if (!storedKey.equals(key)) {
                throw new CorruptCacheException("written for another key");
            }
            long length = in.readLong();
            byte[] digest = new byte[32];
            in.readFully(digest);
            int headerLength = file.length - in.available();
            if (length != file.length - headerLength) {
                throw new CorruptCacheException("payload is " + (file.length - headerLength) + " bytes, header says " + length
                        + " (truncated?)");
            }
            byte[] payload = java.util.Arrays.copyOfRange(file, headerLength, file.length);
            if (!MessageDigest.isEqual(sha256().digest(payload), digest)) {
                throw new CorruptCacheException("checksum mismatch");
            }
            return payload;
        } catch (CorruptCacheException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptCacheException("header cut short (truncated?)");
        }
    }

    @SuppressWarnings("unchecked")
    static Collection<KiePackage> deserialize(byte[] payload) throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), RuleCache.class.getClassLoader())) {
            in.setObjectInputFilter(FILTER);
            Object read = in.readObject();
            if (!(read instanceof Collection<?> c) || !c.stream().allMatch(KiePackage.class::isInstance)) {
                throw new java.io.InvalidObjectException("payload is not a collection of packages");
            }
            return (Collection<KiePackage>) read;
        }
    }

    static byte[] serialize(Collection<KiePackage> packages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(packages));
        }
        return bytes.toByteArray();
    }

    /** A whole cache file: header, then {@code payload}. */
    static byte[] file(String key, byte[] payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(key);
            out.writeLong(payload.length);
            out.write(sha256().digest(payload));
            out.write(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Writes {@code packages} under {@code key}, replacing any file there, and deletes all but the
     * newest {@value #KEEP_FILES} files. Call before the packages join a rule base. Never throws:
     * a failure is logged at WARN and the build goes on.
     */
    void store(String key, Collection<KiePackage> packages) {
        Path tmp = null;
        try {
            byte[] bytes = file(key, serialize(packages));
            createDirectory();
            tmp = Files.createTempFile(dir, ".tmp-", SUFFIX + ".part"); // owner-only on POSIX
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            LOG.debug("compiled-rules cache: wrote {} ({} bytes)", file(key).getFileName(), bytes.length);
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled-rules cache: could not write to {} ({}: {}); the rules were compiled and work, only not cached",
                    dir, e.getClass().getName(), e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("compiled-rules cache: could not delete {}", tmp);
                }
            }
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            String unsafe = unsafeOwnership(dir);
            if (unsafe != null) {
                throw new IOException("directory not private: " + unsafe);
            }
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private void prune() {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
            if (all.size() <= KEEP_FILES) {
                return;
            }
            List<Path> oldestFirst = new ArrayList<>(all);
            oldestFirst.sort(Comparator.comparing(RuleCache::modified));
            for (Path old : oldestFirst.subList(0, oldestFirst.size() - KEEP_FILES)) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("compiled-rules cache: could not prune {} ({})", dir, e.getClass().getName());
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Why {@code path} (and, for a file, its directory) may not be trusted, or null: owned by
     * another user, or writable by group or others. Null where the file system has no POSIX owners.
     */
    static String unsafeOwnership(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return null;
        }
        Integer me = currentUid();
        for (Path p : Files.isDirectory(path) ? List.of(path) : List.of(path, path.getParent())) {
            int owner = (Integer) Files.getAttribute(p, "unix:uid");
            if (me != null && owner != me) {
                return p + " belongs to uid " + owner + ", not to this user (" + me + ")";
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return p + " is writable by other users (" + PosixFilePermissions.toString(perms) + ")";
            }
        }
        return null;
    }

    private static Integer currentUid() {
        try {
            return (int) new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            return null; // a runtime without jdk.security.auth: permissions are still checked
        }
    }

    private static ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFS || (info.arrayLength() > MAX_ARRAY)) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        String name = type.getName();
        if (ALLOWED_JDK.contains(name) || RuleValidator.ALLOWED_IMPORTS.contains(name)) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        for (String prefix : ALLOWED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return ObjectInputFilter.Status.ALLOWED;
            }
        }
        LOG.debug("compiled-rules cache: class {} refused", name);
        return ObjectInputFilter.Status.REJECTED;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update((s + "\u0000").getBytes(StandardCharsets.UTF_8));
    }
}
