package dev.hallpass.engine;

import dev.hallpass.facts.Role;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
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
 * <p>A file is never trusted: it is read only if neither it nor the directory is a symbolic link,
 * both belong to this user and nobody else may write them, checked on the opened directory and
 * bound to the bytes actually read (see {@link #readEntry}); its header (magic, format version, key, payload length, SHA-256 of the
 * payload) must match before a byte of the payload is deserialized; and deserialization admits
 * only the classes a Drools package is made of (see {@link RuleCacheFile#FILTER}), with bounded depth, arrays
 * and references. Anything wrong is a miss: the caller compiles and overwrites the file. The
 * checksum catches truncation and corruption, not a forger who can write the directory (that
 * user could run code as this one anyway); the owner-only permissions are what keep others out.
 *
 * <p>Writes go to an owner-only temporary file renamed into place, so readers see a whole file or
 * none and a link planted at the entry's name is replaced, never followed (see {@link #store}). A
 * failure to read or write is logged (paths and reasons, never message text) and otherwise
 * ignored: the cache can make a build faster, never make it fail. Thread-safe; several processes
 * may share a directory.
 */
public final class RuleCache {
    /** Bumped whenever the file layout or what the payload holds changes. */
    private static final String SUFFIX = ".rules";
    /** Larger cache files are not read: 2,500 generated rules serialize to about 20 MB. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Files kept in the directory; older ones (other rule sets, other versions) are deleted. */
    static final int KEEP_FILES = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);

    private final Path dir;

    public RuleCache(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** The cache's key for rule sources whose own key (sources and catalogue) is {@code rulesKey}. */
    static String key(String rulesKey) {
        MessageDigest sha = sha256();
        update(sha, "format=" + RuleCacheFile.FORMAT_VERSION);
        update(sha, "rules=" + rulesKey);
        update(sha, "drools=" + droolsVersion());
        update(sha, "hallpass=" + hallpassVersion());
        update(sha, "java=" + System.getProperty("java.specification.version"));
        // The compiled packages refer to the fact model's classes by field and method: a change
        // to them during development (same version string) must miss.
        for (String type : RuleValidator.FACT_MODEL.stream().filter(t -> t.startsWith("dev.hallpass.")).sorted().toList()) {
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
        try (InputStream in = RuleCache.class.getResourceAsStream("/dev/hallpass/version.properties")) {
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
            byte[] bytes = readEntry(file.getFileName());
            if (bytes == null) {
                LOG.info("compiled-rules cache: miss (no entry {}); the rules are compiled", file.getFileName());
                return Optional.empty();
            }
            byte[] payload = RuleCacheFile.verifiedPayload(bytes, key);
            Collection<KiePackage> packages = RuleCacheFile.deserialize(payload);
            LOG.info("compiled-rules cache: hit ({} packages from {})", packages.size(), file.getFileName());
            return Optional.of(packages);
        } catch (RuleCacheFile.CorruptCacheException | UntrustedCacheException e) {
            LOG.warn("compiled-rules cache file {} ignored: {}", file, e.getMessage());
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn("compiled-rules cache file {} ignored: cannot be read ({})", file, e.getClass().getName());
        } catch (StackOverflowError e) {
            LOG.warn("compiled-rules cache file {} ignored: nested too deeply", file);
        }
        return Optional.empty();
    }

    /** Thrown for a cache directory or entry that may not be trusted: a link, another owner, writable by others, changed while read. */
    static final class UntrustedCacheException extends IOException {
        UntrustedCacheException(String message) {
            super(message);
        }
    }

    /** Test hook: runs after an entry's attributes are checked and before it is opened. */
    static volatile Runnable afterEntryChecked = () -> {};

    /**
     * The bytes of entry {@code name}, or null when there is none; throws
     * {@link UntrustedCacheException} when it or the directory may not be trusted.
     *
     * <p>Java cannot {@code fstat} an open file, so the checks are bound to what is read another
     * way. The directory is opened first ({@link SecureDirectoryStream}, where the platform has
     * {@code openat}: Linux) and its owner and permissions are read from the open directory, not
     * its path; its path must not be a symbolic link and must still name the directory opened (same
     * file key). Once that directory is known to be writable only by this user, nobody else can
     * rename, replace or link anything inside it. The entry is then looked up relative to the open
     * directory without following links ({@code fstatat(AT_SYMLINK_NOFOLLOW)}): a regular file,
     * owned by this user, not writable by group or others, not too large; it is opened relative to
     * the directory with {@code O_NOFOLLOW}, read whole from that channel, and its attributes are
     * read again: file key, size and modification time must equal the first read, and the bytes
     * read must be exactly that size. An entry swapped between check and open (by anyone, another
     * Hallpass process rewriting it included) therefore fails one of those comparisons and is a
     * miss. Where there is no secure directory stream the same checks run on paths with
     * {@link LinkOption#NOFOLLOW_LINKS}.
     */
    byte[] readEntry(Path name) throws IOException {
        try (Directory d = openDirectory()) {
            if (d == null) {
                return null;
            }
            BasicFileAttributes before;
            try {
                before = d.attributes(name);
            } catch (NoSuchFileException e) {
                return null;
            }
            String unsafe = unsafeEntry(name, before);
            if (unsafe != null) {
                throw new UntrustedCacheException(unsafe);
            }
            afterEntryChecked.run();
            byte[] bytes;
            try (SeekableByteChannel in = d.open(name)) {
                bytes = readAtMost(in, before.size());
            }
            BasicFileAttributes after = d.attributes(name);
            if (bytes.length != before.size() || !Objects.equals(before.fileKey(), after.fileKey())
                    || before.size() != after.size() || !before.lastModifiedTime().equals(after.lastModifiedTime())) {
                throw new UntrustedCacheException("the entry changed while it was read");
            }
            return bytes;
        }
    }

    /** Reads up to {@code expected} bytes, and one more if there is one (so a file that grew is noticed). */
    private static byte[] readAtMost(SeekableByteChannel in, long expected) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) expected + 1);
        while (buffer.hasRemaining() && in.read(buffer) >= 0) {
            // keep reading
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Why an entry with {@code attributes} may not be trusted, or null. */
    private String unsafeEntry(Path name, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return name + " is a symbolic link";
        }
        if (!attributes.isRegularFile()) {
            return name + " is not a regular file";
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            return attributes.size() + " bytes, over " + MAX_FILE_BYTES;
        }
        return attributes instanceof PosixFileAttributes posix ? unsafeOwnership(name, posix) : null;
    }

    /**
     * The cache directory, opened and checked, or null when it does not exist. Refuses a symbolic
     * link, another owner and group or other write permission, read from the opened directory.
     */
    private Directory openDirectory() throws IOException {
        BasicFileAttributes link;
        try {
            link = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (link.isSymbolicLink()) {
            throw new UntrustedCacheException("the cache directory " + dir + " is a symbolic link");
        }
        if (!link.isDirectory()) {
            throw new UntrustedCacheException("the cache directory " + dir + " is not a directory");
        }
        DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
        try {
            Directory d;
            BasicFileAttributes opened;
            if (stream instanceof SecureDirectoryStream<Path> secure) {
                d = new SecureDirectory(secure);
                opened = secure.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
            } else {
                d = new PathDirectory(dir, stream);
                opened = d.attributes(null);
            }
            if (!Objects.equals(opened.fileKey(), link.fileKey())) {
                throw new UntrustedCacheException("the cache directory " + dir + " changed while it was opened");
            }
            String unsafe = opened instanceof PosixFileAttributes posix ? unsafeOwnership(dir, posix) : null;
            if (unsafe != null) {
                throw new UntrustedCacheException(unsafe);
            }
            return d;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** The cache directory, opened: entries are looked up and opened relative to it, never following a link. */
    private interface Directory extends Closeable {
        /** The attributes of entry {@code name} (of the directory itself when null), not following links. */
        BasicFileAttributes attributes(Path name) throws IOException;

        SeekableByteChannel open(Path name) throws IOException;

        /** Writes a new owner-only file {@code name}; fails if anything (a link included) is there. */
        SeekableByteChannel create(Path name) throws IOException;

        /** Renames {@code from} to {@code to} atomically, replacing whatever {@code to} is (a link is replaced, not followed). */
        void rename(Path from, Path to) throws IOException;

        void delete(Path name) throws IOException;
    }

    /** Relative to an open directory ({@code openat}, {@code fstatat}, {@code renameat}). */
    private record SecureDirectory(SecureDirectoryStream<Path> stream) implements Directory {
        @Override
        public BasicFileAttributes attributes(Path name) throws IOException {
            return name == null ? stream.getFileAttributeView(PosixFileAttributeView.class).readAttributes()
                    : stream.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
        }

        @Override
        public SeekableByteChannel open(Path name) throws IOException {
            return stream.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        }

        @Override
        public SeekableByteChannel create(Path name) throws IOException {
            return stream.newByteChannel(name, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            stream.move(from, stream, to);
        }

        @Override
        public void delete(Path name) throws IOException {
            stream.deleteFile(name);
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** Where the platform has no secure directory stream: the same checks on paths, never following a link. */
    private record PathDirectory(Path dir, DirectoryStream<Path> stream) implements Directory {
        @Override
        public BasicFileAttributes attributes(Path name) throws IOException {
            Path p = name == null ? dir : dir.resolve(name);
            return p.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public SeekableByteChannel open(Path name) throws IOException {
            return Files.newByteChannel(dir.resolve(name), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public SeekableByteChannel create(Path name) throws IOException {
            Path p = dir.resolve(name);
            if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.newByteChannel(p, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            try {
                Files.move(dir.resolve(from), dir.resolve(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(dir.resolve(from), dir.resolve(to), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void delete(Path name) throws IOException {
            Files.delete(dir.resolve(name));
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /**
     * Writes {@code packages} under {@code key}, replacing any file there, and deletes all but the
     * newest {@value #KEEP_FILES} files. Call before the packages join a rule base. Never throws:
     * a failure is logged at WARN and the build goes on.
     *
     * <p>The bytes go to a new temporary file created owner-only ({@code O_CREAT|O_EXCL}, no
     * links followed) inside the opened and checked directory, which is then renamed over the
     * entry: readers see a whole file or none, and a symbolic link planted at the entry's name is
     * replaced, never followed. A symbolic link as the cache directory is refused.
     */
    void store(String key, Collection<KiePackage> packages) {
        Path name = file(key).getFileName();
        Path tmp = null;
        try {
            byte[] bytes = RuleCacheFile.file(key, RuleCacheFile.serialize(packages));
            createDirectory();
            try (Directory d = openDirectory()) {
                if (d == null) {
                    throw new NoSuchFileException(dir.toString());
                }
                Path part = Path.of(".tmp-" + HexFormat.of().formatHex(randomBytes()) + SUFFIX + ".part");
                try (SeekableByteChannel out = d.create(part)) {
                    tmp = part;
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                d.rename(part, name);
                tmp = null;
                LOG.info("compiled-rules cache: wrote {} ({} bytes)", name, bytes.length);
            } finally {
                if (tmp != null) {
                    deleteQuietly(tmp);
                }
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled-rules cache: could not write to {} ({}: {}); the rules were compiled and work, only not cached",
                    dir, e.getClass().getName(), e.getMessage());
        }
    }

    private void deleteQuietly(Path tmp) {
        try (Directory d = openDirectory()) {
            if (d != null) {
                d.delete(tmp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("compiled-rules cache: could not delete {}", tmp);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private void createDirectory() throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new UntrustedCacheException("the cache directory " + dir + " is a symbolic link");
        }
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return; // checked, on the opened directory, by openDirectory()
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
     * Why a file or directory with {@code attributes} (read from the opened directory or without
     * following links) may not be trusted, or null: owned by another user, or writable by group
     * or others. The owner is not checked where this user's identity cannot be looked up.
     */
    static String unsafeOwnership(Path path, PosixFileAttributes attributes) {
        UserPrincipal me = CURRENT_USER;
        if (me != null && !me.equals(attributes.owner())) {
            return path + " belongs to " + attributes.owner().getName() + ", not to this user (" + me.getName() + ")";
        }
        Set<PosixFilePermission> perms = attributes.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return path + " is writable by other users (" + PosixFilePermissions.toString(perms) + ")";
        }
        return null;
    }

    private static final UserPrincipal CURRENT_USER = currentUser();

    /** This process's user, by uid (principals compare by uid), or null where there are no POSIX owners. */
    private static UserPrincipal currentUser() {
        try {
            if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return null;
            }
            com.sun.security.auth.module.UnixSystem unix = new com.sun.security.auth.module.UnixSystem();
            UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
            try {
                return lookup.lookupPrincipalByName(unix.getUsername());
            } catch (IOException | RuntimeException e) {
                return lookup.lookupPrincipalByName(Long.toString(unix.getUid())); // a uid with no name: looked up as a number
            }
        } catch (IOException | LinkageError | RuntimeException e) {
            return null; // a runtime without jdk.security.auth: permissions are still checked
        }
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
