package dev.hallpass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a school's rules folder and profile file for {@link ReloadingPolicyEngine}, and keeps
 * watching when the folder is replaced: the usual atomic deploy ({@code mv rules rules.old; mv
 * rules.new rules}) leaves a {@link WatchKey} on the old directory (still valid on Linux while
 * {@code rules.old} exists, invalid once it is deleted), so the folder's parent is watched too,
 * and after every burst of events each watched directory is checked: a key that is no longer
 * valid, or a path that now names another directory (another file key), is cancelled and the
 * path registered again. While a directory is missing or cannot be registered, and when events
 * were lost ({@code OVERFLOW}), the files are swept every poll interval instead: a SHA-256 over
 * the names and contents of the folder's files and the profile; a change, once it has settled,
 * counts as an event. Every such problem is reported once, when it starts, to {@code failed}.
 *
 * <p>One daemon thread; {@link #close()} stops it. Not for use by more than one owner.
 */
final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    /** Quiet time after a file change before reporting it, so an editor's several writes make one reload. */
    static final long DEBOUNCE_MILLIS = 200;
    /** A change seen by a sweep is reported once two sweeps this far apart agree, at most this many times over. */
    private static final int SETTLE_TRIES = 25;

    /** Registers a directory with a watch service; a seam for tests of registration failures. */
    interface Registrar {
        WatchKey register(WatchService service, Path directory) throws IOException;
    }

    static final Registrar REGISTER = (service, directory) -> directory.register(service,
            StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);

    private record Watched(WatchKey key, Object fileKey) {}

    private final Path rulesDirectory;
    private final Path rulesParent;
    private final Path profileFile;
    private final Path profileFolder;
    private final Set<Path> directories = new LinkedHashSet<>();
    private final long pollMillis;
    private final Registrar registrar;
    private final WatchService service;
    /** Touched by the constructor, then only by the watch thread. */
    private final Map<Path, Watched> watched = new HashMap<>();
    private final Map<WatchKey, Path> directoryOf = new HashMap<>();
    /** Directories that cannot be watched now, with the problem reported for each. */
    private final Map<Path, String> problems = new LinkedHashMap<>();
    private String fingerprint;
    private Consumer<String> failed = p -> {};
    private volatile Thread thread;
    private volatile boolean closed;

    /**
     * Registers the watches now, on this thread, so a change made after this returns is seen.
     * Problems found here are reported by {@link #start}. Either path may be null.
     */
    FolderWatcher(Path profileFile, Path rulesDirectory, Duration pollInterval, Registrar registrar) {
        this.rulesDirectory = rulesDirectory == null ? null : rulesDirectory.toAbsolutePath().normalize();
        this.rulesParent = this.rulesDirectory == null ? null : this.rulesDirectory.getParent();
        this.profileFile = profileFile == null ? null : profileFile.toAbsolutePath().normalize();
        this.profileFolder = this.profileFile == null ? null : this.profileFile.getParent();
        for (Path d : new Path[] {profileFolder, this.rulesDirectory, rulesParent}) {
            if (d != null) {
                directories.add(d);
            }
        }
        this.pollMillis = Math.max(1, pollInterval.toMillis());
        this.registrar = registrar;
        WatchService s;
        try {
            s = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            s = null;
            problems.put(null, "no file watch service (" + describe(e) + "); checking for changes every " + pollMillis + " ms");
        }
        this.service = s;
        this.fingerprint = fingerprint();
        reconcile();
    }

    /**
     * Reports the problems found so far to {@code failed}, then watches on a daemon thread, calling
     * {@code changed} after each settled change and {@code failed} when a problem starts.
     */
    void start(Runnable changed, Consumer<String> failed) {
        this.failed = failed;
        for (String problem : problems.values()) {
            LOG.warn("policy files: {}", problem);
            failed.accept(problem);
        }
        Thread t = new Thread(() -> run(changed), "hallpass-watch");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(Runnable changed) {
        try {
            while (!closed) {
                boolean change = false;
                WatchKey key = next();
                if (key != null) {
                    change = drain(key);
                    WatchKey more;
                    while ((more = service.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                        change |= drain(more);
                    }
                }
                change |= reconcile();
                String now = fingerprint();
                if (!change && !now.equals(fingerprint)) {
                    now = settled(now);
                    change = true;
                }
                fingerprint = now;
                if (change && (rulesDirectory == null || Files.isDirectory(rulesDirectory))) {
                    // A missing folder was reported by reconcile(); rebuilding without it would only fail again.
                    changed.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            report(null, "watching stopped: " + describe(e));
            throw e;
        }
    }

    /** The next key with events: blocks while everything is watched, else waits at most one poll interval. */
    private WatchKey next() throws InterruptedException {
        if (service == null) {
            Thread.sleep(pollMillis);
            return null;
        }
        return problems.isEmpty() ? service.take() : service.poll(pollMillis, TimeUnit.MILLISECONDS);
    }

    /** True when {@code key}'s events concern the rules or the profile, events were lost, or the key died. */
    private boolean drain(WatchKey key) {
        Path directory = directoryOf.get(key);
        List<WatchEvent<?>> events = key.pollEvents();
        if (directory == null) {
            return false; // a key cancelled since its events were queued
        }
        boolean change = false;
        for (WatchEvent<?> e : events) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                change = true;
            } else if (e.context() instanceof Path name && concerns(directory, name)) {
                change = true;
            }
        }
        if (!key.reset()) {
            change = true; // the directory is gone; reconcile() re-registers it or reports it
        }
        return change;
    }

    private boolean concerns(Path directory, Path name) {
        return directory.equals(rulesDirectory)
                || directory.equals(rulesParent) && name.equals(rulesDirectory.getFileName())
                || directory.equals(profileFolder) && name.equals(profileFile.getFileName());
    }

    /**
     * Makes every directory watched again where its key died or its path now names another
     * directory. True when a directory was replaced or could be watched again after a problem,
     * so its contents must be read afresh.
     */
    private boolean reconcile() {
        if (service == null) {
            return false;
        }
        boolean replaced = false;
        for (Path d : directories) {
            Object fileKey;
            try {
                BasicFileAttributes a = Files.readAttributes(d, BasicFileAttributes.class);
                if (!a.isDirectory()) {
                    throw new NoSuchFileException(d.toString(), null, "not a directory");
                }
                fileKey = a.fileKey();
            } catch (IOException | RuntimeException e) {
                replaced |= forget(d);
                report(d, folderName(d) + " " + d + (e instanceof NoSuchFileException ? " is missing" : " cannot be read")
                        + " (" + describe(e) + "); the rules in force stay; checking every " + pollMillis + " ms");
                continue;
            }
            Watched w = watched.get(d);
            if (w != null && w.key().isValid() && Objects.equals(w.fileKey(), fileKey)) {
                continue;
            }
            replaced |= forget(d);
            try {
                WatchKey key = registrar.register(service, d);
                watched.put(d, new Watched(key, fileKey));
                directoryOf.put(key, d);
                if (problems.remove(d) != null) {
                    LOG.info("watching {} again", d);
                    replaced = true;
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ClosedWatchServiceException c) {
                    throw c;
                }
                report(d, folderName(d) + " " + d + " cannot be watched (" + describe(e) + "); checking every " + pollMillis + " ms");
            }
        }
        return replaced;
    }

    private boolean forget(Path d) {
        Watched w = watched.remove(d);
        if (w == null) {
            return false;
        }
        w.key().cancel();
        directoryOf.remove(w.key());
        return true;
    }

    private String folderName(Path d) {
        return d.equals(rulesDirectory) ? "rules folder" : d.equals(profileFolder) ? "profile folder" : "folder";
    }

    /** Reports {@code problem} for {@code directory} unless one is already reported for it. */
    private void report(Path directory, String problem) {
        if (problems.containsKey(directory) && directory != null) {
            return;
        }
        problems.put(directory, problem);
        if (thread == null) {
            return; // still in the constructor: start() reports it
        }
        // Paths and exception names only: no message text reaches a watch problem.
        LOG.warn("policy files: {}", problem);
        failed.accept(problem);
    }

    /** Sweeps until two sweeps a debounce apart agree, so a file being written is read whole. */
    private String settled(String first) throws InterruptedException {
        String now = first;
        for (int i = 0; i < SETTLE_TRIES; i++) {
            Thread.sleep(DEBOUNCE_MILLIS);
            String again = fingerprint();
            if (again.equals(now)) {
                break;
            }
            now = again;
        }
        return now;
    }

    /** SHA-256 over the names and contents of the rules folder's files and the profile; "missing" and "unreadable" count as contents. */
    String fingerprint() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (rulesDirectory != null) {
            update(sha, "rules");
            try (Stream<Path> files = Files.list(rulesDirectory)) {
                for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    hashFile(sha, f);
                }
            } catch (IOException | RuntimeException e) {
                update(sha, "unreadable " + describe(e));
            }
        }
        if (profileFile != null) {
            update(sha, "profile");
            hashFile(sha, profileFile);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void hashFile(MessageDigest sha, Path f) {
        update(sha, f.getFileName().toString());
        try {
            sha.update(Files.readAllBytes(f));
        } catch (IOException | RuntimeException e) {
            update(sha, "unreadable " + describe(e));
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update((s + "\u0000").getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the file watcher failed: {}", e.getClass().getName());
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
