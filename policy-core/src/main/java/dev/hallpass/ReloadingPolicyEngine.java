package dev.hallpass;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine that can change its rules while it runs: it rebuilds off the calling threads and swaps
 * the new engine in atomically. Evaluations in flight finish on the engine they started with; no
 * evaluation ever sees a half-built rule set. A rebuild that fails (a rule file refused or not
 * compiling, an invalid profile, a folder that cannot be read) keeps the previous engine running
 * and reports the problems to the listener and, without personal data, to the log.
 *
 * <pre>{@code
 * try (ReloadingPolicyEngine engine = ReloadingPolicyEngine.watching(profileFile, rulesFolder, listener)) {
 *     Decision d = engine.evaluate(message);   // from any thread
 * }
 * }</pre>
 *
 * <p>A watched rules folder may be replaced while it is watched, as an atomic deploy does
 * ({@code mv rules rules.old; mv rules.new rules}): the engine watches the folder's parent too and
 * watches the new folder once it is in place, then rebuilds from it. While the folder is missing
 * or cannot be watched, the files are checked every poll interval instead, and the problem is
 * reported to {@link Listener#watchFailed}; the rules in force keep answering throughout.
 *
 * Thread-safe. {@link #close()} stops watching.
 */
public final class ReloadingPolicyEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingPolicyEngine.class);
    /** How often files are checked while they cannot be watched, unless the host says otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    /** Told about every reload and every problem, on the reloading thread, one call at a time. */
    public interface Listener {
        /** A new engine is in force. */
        default void reloaded(long generation) {}

        /** A rebuild failed; the previous engine stays in force. Each problem names its file and line or field. */
        default void rejected(List<String> problems) {}

        /**
         * The school's files cannot be watched: the rules folder (or the profile's folder) is
         * missing or unreadable, or a watch could not be registered. The engine in force stays;
         * the files are checked every poll interval until they can be watched again, and a
         * rebuild follows when they change. Reported once when the problem starts. The problem
         * names the folder and the cause, never message text. By default passed on to
         * {@link #rejected} as a one-item list, so a listener written before this method hears
         * of it too.
         */
        default void watchFailed(String problem) {
            rejected(List.of(problem));
        }
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
    private volatile FolderWatcher watcher;

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
     * one), rebuilt whenever a file in the folder or the profile changes; files are checked every
     * {@link #DEFAULT_POLL_INTERVAL} while they cannot be watched. See
     * {@link #watching(Path, Path, Listener, Duration)}.
     *
     * @throws PolicyException if the first build fails
     */
    public static ReloadingPolicyEngine watching(Path profileFile, Path rulesDirectory, Listener listener) {
        return watching(profileFile, rulesDirectory, listener, DEFAULT_POLL_INTERVAL);
    }

    /**
     * An engine for a school's profile file and rules folder (either may be null for the built-in
     * one), rebuilt whenever a file in the folder or the profile changes. The rules folder may be
     * deleted and replaced (renamed into place) while watched; while it is missing, or when a
     * directory cannot be watched, the files are checked every {@code pollInterval} and the
     * problem goes to {@link Listener#watchFailed}. A watch that cannot be set up does not make
     * this method fail: it is reported the same way.
     *
     * @throws PolicyException if the first build fails
     * @throws IllegalArgumentException if {@code pollInterval} is not positive
     * @throws NullPointerException if {@code listener} or {@code pollInterval} is null
     */
    public static ReloadingPolicyEngine watching(Path profileFile, Path rulesDirectory, Listener listener, Duration pollInterval) {
        return watching(profileFile, rulesDirectory, listener, pollInterval, FolderWatcher.REGISTER);
    }

    /** As the public one, registering watches with {@code registrar} (a seam for tests). */
    static ReloadingPolicyEngine watching(Path profileFile, Path rulesDirectory, Listener listener, Duration pollInterval,
            FolderWatcher.Registrar registrar) {
        Objects.requireNonNull(listener, "listener");
        if (Objects.requireNonNull(pollInterval, "pollInterval").isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
        FolderWatcher watch = profileFile == null && rulesDirectory == null ? null
                : new FolderWatcher(profileFile, rulesDirectory, pollInterval, registrar); // before the build: no change is missed
        ReloadingPolicyEngine engine;
        try {
            engine = of(() -> {
                PolicyEngine.Builder b = PolicyEngine.builder();
                if (profileFile != null) {
                    b.profile(SchoolProfile.load(profileFile));
                }
                if (rulesDirectory != null) {
                    b.rulesDirectory(rulesDirectory);
                }
                return b.build();
            }, listener);
        } catch (RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            throw e;
        }
        if (watch != null) {
            engine.watcher = watch;
            watch.start(engine::reload, engine::watchFailed);
        }
        return engine;
    }

    /** Evaluates with the engine in force; see {@link PolicyEngine#evaluate}. */
    public Decision evaluate(ProposedMessage message) {
        return current.get().engine().evaluate(message);
    }

    /** The policy digest of the engine in force now; see {@link PolicyEngine#policyDigest}. */
    public String policyDigest() {
        return current.get().engine().policyDigest();
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
        } catch (UncheckedIOException e) {
            return reject(List.of(e.getMessage() + " (" + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage() + ")"));
        } catch (RuntimeException e) {
            // PolicyException or anything else:
            // every failed rebuild reaches the listener.
            return reject(List.of(e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
        }
        Snapshot now = current.updateAndGet(old -> new Snapshot(next, old.generation() + 1));
        LOG.info("policy rules reloaded (generation {}, {})", now.generation(), next.policyDigest());
        listener.reloaded(now.generation());
        return true;
    }

    private boolean reject(List<String> problems) {
        // Problems name files, lines and field paths; they carry no message text.
        LOG.warn("policy rules reload rejected, previous rules stay in force: {} problem(s)", problems.size());
        listener.rejected(List.copyOf(problems));
        return false;
    }

    /** Passes a watch problem to the listener on the reloading thread, in order with reloads. */
    private void watchFailed(String problem) {
        try {
            reloader.execute(() -> listener.watchFailed(problem));
        } catch (RejectedExecutionException e) {
            LOG.debug("watch problem after close not reported to the listener");
        }
    }

    /** Stops watching and reloading; the engine in force keeps answering. */
    @Override
    public void close() {
        FolderWatcher w = watcher;
        if (w != null) {
            w.close();
        }
        reloader.shutdown();
    }
}
