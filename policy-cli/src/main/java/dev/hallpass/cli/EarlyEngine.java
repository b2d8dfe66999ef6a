package dev.hallpass.cli;

import dev.hallpass.PolicyEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The engine {@code evaluate} or {@code explain} will most likely ask for, built on a second thread as
 * the process starts, while picocli reads the command line on the first (about 0.2 s of a start). The
 * guess is read from the arguments by a plain scan; the command uses the engine only when the options
 * picocli then parsed are exactly the ones it was built from, and builds its own otherwise (or when the
 * early build failed, so that any error is reported as always). Only for the built-in profile and rules,
 * and not with {@code --verbose}, which reports each step of the build as it happens.
 */
final class EarlyEngine {
    private static final Set<String> COMMANDS = Set.of("evaluate", "explain");
    private static final Set<String> NOT_GUESSED = Set.of("--profile", "--rules", "--verbose", "--help", "-h", "--version", "-V");

    private static volatile EarlyEngine current;

    private final PolicyCli.EngineOptions options;
    /** The early build (package-private for tests). */
    final CompletableFuture<PolicyEngine> engine = new CompletableFuture<>();

    private EarlyEngine(PolicyCli.EngineOptions options) {
        this.options = options;
    }

    /**
     * Starts the early build when the arguments allow a guess, and returns it (null when there is no
     * guess); for {@link PolicyCli#main} only (one command per process).
     */
    static EarlyEngine start(String[] args) {
        PolicyCli.EngineOptions guess = guess(List.of(args));
        if (guess == null) {
            return null;
        }
        EarlyEngine early = new EarlyEngine(guess);
        Thread t = new Thread(() -> {
            try {
                early.engine.complete(guess.buildEngine());
            } catch (RuntimeException | LinkageError e) {
                early.engine.completeExceptionally(e);
            }
        }, "policy-engine-early");
        t.setDaemon(true);
        current = early;
        t.start();
        return early;
    }

    /** The options the arguments seem to give, or null when they are not ones to guess from. */
    static PolicyCli.EngineOptions guess(List<String> args) {
        if (args.isEmpty() || !COMMANDS.contains(args.get(0))) {
            return null;
        }
        PolicyCli.EngineOptions o = new PolicyCli.EngineOptions();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (NOT_GUESSED.contains(name) || a.equals("--")) {
                return null;
            }
            if (name.equals("--rules-cache")) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    return null;
                }
                o.rulesCache = Path.of(value);
            } else if (a.equals("--no-rules-cache")) {
                o.noRulesCache = true;
            } else if (a.equals("--no-semantic")) {
                o.semantic = false;
            } else if (a.equals("--semantic")) {
                o.semantic = true;
            } else if (name.equals("--semantic")) {
                return null;
            }
        }
        return o;
    }

    /**
     * The early engine when {@code parsed} are the options it was built from, else a new one built
     * from {@code parsed}.
     */
    static PolicyEngine buildEngine(PolicyCli.EngineOptions parsed) {
        EarlyEngine early = current;
        if (early != null && early.matches(parsed)) {
            current = null;
            try {
                return early.engine.get();
            } catch (ExecutionException e) {
                // built again below, so that the error is reported as it always is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return parsed.buildEngine();
    }

    private boolean matches(PolicyCli.EngineOptions parsed) {
        return parsed.profile == null && parsed.rules == null && !parsed.verbose
                && Objects.equals(parsed.rulesCache, options.rulesCache) && parsed.noRulesCache == options.noRulesCache
                && parsed.semantic == options.semantic;
    }
}
