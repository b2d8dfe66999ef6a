package dev.hallpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine that can change its rules while it runs: it rebuilds off the calling threads and swaps
 * the new engine in atomically. Evaluations in flight finish on the engine they started with; no
 * evaluation ever sees a half-built rule set. A rebuild that fails (a rule file refused or not
 * compiling, an invalid profile) keeps the previous engine running and reports the problems to
 * the listener and, without personal data, to the log.
 *
 * <pre>{@code
 * try (ReloadingPolicyEngine engine = ReloadingPolicyEngine.watching(profileFile, rulesFolder, listener)) {
 *     Decision d = engine.evaluate(message);   // from any thread
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops watching.
 */
public final class ReloadingPolicyEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingPolicyEngine.class);
    /** Quiet time after a file change before rebuilding, so an editor's several writes make one reload. */
    private static final long DEBOUNCE_MILLIS = 200;

    /** Told about every reload, on the reloading thread. */
    public interface Listener {
        /** A new engine is in force. */
        default void reloaded(long generation) {}

        /** A rebuild failed; the previous engine stays in force. Each problem names its file and line or field. */
        default void rejected(List<String> problems) {}
    }

    /**
     * The engine in force and which build it is.
     *
     * @param engine the engine
     * @param generation 1 for the first build, one more for each successful reload
     */
    public record Snapshot(PolicyEngine engine, long generation) {}

    private final Supplier<PolicyEngine> build;
    private final Listener listener;
    private final AtomicReference<Snapshot> current;
    private final ExecutorService reloader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hallpass-reload");
        t.setDaemon(true);
        return t;
    });
    private volatile WatchService watcher;
    private volatile Thread watchThread;

    private ReloadingPolicyEngine(Supplier<PolicyEngine> build, Listener listener) {
        this.build = build;
        this.listener = listener;
        this.current = new AtomicReference<>(new Snapshot(build.get(), 1));
    }

    /**
     * An engine rebuilt by {@code build} whenever {@link #reload()} is called. The first build
     * happens now, on this thread.
     *
     * @throws PolicyException if the first build fails
     */
    public static ReloadingPolicyEngine of(Supplier<PolicyEngine> build, Listener listener) {
        return new ReloadingPolicyEngine(Objects.requireNonNull(build), Objects.requireNonNull(listener));
    }

    /**
     * An engine for a school's profile file and rules folder (either may be null for the built-in
     * one), rebuilt whenever a file in the folder or the profile changes.
     *
     * @throws PolicyException if the first build fails
     * @throws UncheckedIOException if the folders cannot be watched
     */
    public static ReloadingPolicyEngine watching(Path profileFile, Path rulesDirectory, Listener listener) {
        ReloadingPolicyEngine engine = of(() -> {
            PolicyEngine.Builder b = PolicyEngine.builder();
            if (profileFile != null) {
                b.profile(SchoolProfile.load(profileFile));
            }
            if (rulesDirectory != null) {
                b.rulesDirectory(rulesDirectory);
            }
            return b.build();
        }, listener);
        engine.watch(profileFile == null ? null : profileFile.toAbsolutePath().getParent(), rulesDirectory);
        return engine;
    }

    /** Evaluates with the engine in force; see {@link PolicyEngine#evaluate}. */
    public Decision evaluate(ProposedMessage message) {
        return current.get().engine().evaluate(message);
    }

    /** The engine in force now. Keep it for a batch that must see one rule set throughout. */
    public Snapshot snapshot() {
        return current.get();
    }

    /**
     * Rebuilds off the calling thread. The future completes with true when the new engine is in
     * force, false when the rebuild failed and the previous engine stays.
     */
    public CompletableFuture<Boolean> reload() {
        return CompletableFuture.supplyAsync(this::rebuild, reloader);
    }

    private boolean rebuild() {
        PolicyEngine next;
        try {
            next = build.get();
        } catch (RuleLoadException e) {
            return reject(e.problems().stream().map(RuleProblem::toString).toList());
        } catch (InvalidProfileException e) {
            return reject(e.problems());
        } catch (PolicyException | UncheckedIOException | IllegalArgumentException e) {
            return reject(List.of(e.getMessage()));
        }
        Snapshot now = current.updateAndGet(old -> new Snapshot(next, old.generation() + 1));
        LOG.info("policy rules reloaded (generation {})", now.generation());
        listener.reloaded(now.generation());
        return true;
    }

    private boolean reject(List<String> problems) {
        // Problems name files, lines and field paths; they carry no message text.
        LOG.warn("policy rules reload rejected, previous rules stay in force: {} problem(s)", problems.size());
        listener.rejected(List.copyOf(problems));
        return false;
    }

    private void watch(Path profileFolder, Path rulesDirectory) {
        if (profileFolder == null && rulesDirectory == null) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            for (Path dir : new java.util.LinkedHashSet<>(java.util.Arrays.asList(profileFolder, rulesDirectory))) {
                if (dir != null) {
                    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the school's files", e);
        }
        Thread t = new Thread(this::watchLoop, "hallpass-watch");
        t.setDaemon(true);
        t.start();
        watchThread = t;
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
                // Let a burst of writes settle into one rebuild.
                WatchKey more;
                while ((more = watcher.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops watching and reloading; the engine in force keeps answering. */
    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the file watcher failed: {}", e.getClass().getName());
        }
        if (watchThread != null) {
            watchThread.interrupt();
        }
        reloader.shutdown();
    }
}
