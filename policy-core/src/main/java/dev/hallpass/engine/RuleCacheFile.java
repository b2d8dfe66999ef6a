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
 * The compiled-rules cache file: a header (magic, format version, key, payload length, SHA-256 of
 * the payload) and the Drools packages, serialized; read back through a deserialization filter that
 * admits only what a Drools package is made of. {@link RuleCache} decides where files live and
 * whom they may belong to.
 */
final class RuleCacheFile {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCacheFile.class);
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "HALLPASS-RULES\n\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * What a Drools 10 package is made of, found by recording every class a package of the
     * built-in rules and of generated school rules deserializes; everything else is rejected.
     * The fact model is admitted class by class (what {@link RuleValidator} lets a rule import).
     */
    static final ObjectInputFilter FILTER = RuleCacheFile::admit;
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

    private RuleCacheFile() {}

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
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), RuleCacheFile.class.getClassLoader())) {
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
        if (ALLOWED_JDK.contains(name) || RuleValidator.FACT_MODEL.contains(name)) {
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
}
