package dev.hallpass.cli;

import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import dev.hallpass.SchoolProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./policy} command (contract §1). stdout carries only results; everything else,
 * including every log line, goes to stderr.
 */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = PolicyCli.Version.class,
        description = "Checks proposed parent–teacher messages against the school's acceptable use policy.")
public final class PolicyCli implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_LINES = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command and exits with its code. If stdout cannot be written (a full disk, {@code
     * /dev/full}), the exit code is 1 with a message on stderr, whatever the command found (§7.1);
     * a reader that went away (a closed pipe, {@code | head}) is not an error. A stdin that was
     * closed when the JVM started ({@code <&-}) is read as empty input.
     */
    public static void main(String[] args) {
        StdoutStream stdout = new StdoutStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        PrintWriter out = new PrintWriter(stdout, false, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        if (ClosedStdin.wasClosedAtStart()) {
            System.setIn(java.io.InputStream.nullInputStream());
        }
        System.exit(run(args, out, err, stdout::readerWentAway));
    }

    /**
     * Runs the command with the given output streams; returns the exit code. For tests and
     * embedding. Returns 1, with a message on {@code err}, when {@code out} reports an error
     * ({@link PrintWriter#checkError()}).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, () -> false);
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, java.util.function.BooleanSupplier readerWentAway) {
        quietLogging(args);
        warmUpTheModel(args);
        CommandLine cli = new CommandLine(new PolicyCli());
        addSubcommands(cli, args.length > 0 ? args[0] : null);
        cli.setOut(out);
        cli.setErr(err);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // plain text, also on a terminal
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("policy: " + e.getMessage());
            return FAILED;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            err.println("policy: " + e.getMessage());
            e.getCommandLine().usage(err);
            return FAILED;
        });
        int code = cli.execute(args);
        if (out.checkError() && !readerWentAway.getAsBoolean()) { // checkError() flushes
            err.println("policy: cannot write the results to stdout");
            code = FAILED;
        }
        err.flush();
        return code;
    }

    /**
     * Picocli reads every registered command's annotations up front, which costs start-up time:
     * when the first argument names a subcommand only that one is registered; otherwise (help,
     * a mistake) all are, so usage and error messages list them all.
     */
    private static void addSubcommands(CommandLine cli, String first) {
        java.util.Map<String, java.util.function.Supplier<Object>> all = new java.util.LinkedHashMap<>();
        all.put("evaluate", EvaluateCommand::new);
        all.put("explain", ExplainCommand::new);
        all.put("check", CheckCommand::new);
        all.put("test", TestCommand::new);
        all.put("train", TrainCommand::new);
        all.put("serve", ServeCommand::new);
        java.util.function.Supplier<Object> only = first == null ? null : all.get(first);
        if (only != null) {
            cli.addSubcommand(first, only.get());
        } else {
            all.forEach((name, command) -> cli.addSubcommand(name, command.get()));
            cli.addSubcommand("help", new CommandLine.HelpCommand()); // policy help test
        }
    }

    /** The commands that build an engine, and with it the semantic tier unless told {@code --no-semantic}. */
    private static final java.util.Set<String> ENGINE_COMMANDS = java.util.Set.of("evaluate", "explain", "check", "test", "serve");

    /**
     * Starts loading the semantic tier's model (about a second: reading it, ONNX Runtime's session, the
     * tokenizer) on a background thread as the command starts, when the command will ask for it, so that
     * it loads on the second core while the main thread parses the options and loads the profile, the
     * compiled rules and the word lists. The engine then takes the same one-per-JVM model ({@link
     * dev.hallpass.semantic.SemanticDetector#shared()}, which waits for a load in progress); if the load
     * failed, the engine's own request fails with the same error, reported as before. First, ONNX Runtime
     * is pointed at its native libraries in the user's cache ({@link OrtNativeCache}), so that it neither
     * copies them out of its jar again nor leaves a folder in /tmp, and the tier at its model's file there
     * ({@link ModelFileCache}), so that it is neither inflated into the heap nor hashed again.
     */
    private static void warmUpTheModel(String[] args) {
        java.util.List<String> all = java.util.Arrays.asList(args);
        if (args.length > 0 && args[0].equals("train") && !all.contains("--help") && !all.contains("-h")) {
            OrtNativeCache.install(System.getenv(), System.getProperty("user.home")); // train reads with the model too
            ModelFileCache.install(System.getenv(), System.getProperty("user.home"));
            return;
        }
        if (args.length == 0 || !ENGINE_COMMANDS.contains(args[0]) || all.contains("--no-semantic")
                || all.contains("--help") || all.contains("-h") || all.contains("--version") || all.contains("-V")) {
            return;
        }
        Thread warm = new Thread(() -> {
            try {
                OrtNativeCache.install(System.getenv(), System.getProperty("user.home"));
                ModelFileCache.install(System.getenv(), System.getProperty("user.home"));
                dev.hallpass.semantic.SemanticDetector.shared();
            } catch (RuntimeException | LinkageError e) {
                // remembered by shared(): the engine's request reports it
            }
        }, "policy-model-load");
        warm.setDaemon(true);
        warm.start();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FAILED;
    }

    /**
     * Logs go to stderr, at WARN unless --verbose is given, and serve's decision log at INFO unless
     * --no-decision-log; set before any logger exists.
     */
    private static void quietLogging(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        if (args.length > 0 && args[0].equals("serve") && !java.util.Arrays.asList(args).contains("--no-decision-log")) {
            System.setProperty("org.slf4j.simpleLogger.log." + dev.hallpass.DecisionLog.LOGGER, "info");
        }
        // DJL's tokenizer probes for a CUDA driver and warns when there is none; the tier runs on the CPU.
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
    }

    /** The longest input line kept (evaluate, explain, test): longer lines are answered as errors (§7.1). */
    static final class LineOptions {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec mixee;

        int maxLineBytes = LineReader.DEFAULT_MAX_LINE_BYTES;

        @Option(names = "--max-line-bytes", paramLabel = "N", description = "Longest input line, in bytes (default 8 MiB, 8388608). "
                + "A longer line is answered with the error \"line: too long\", without being read into memory.")
        void maxLineBytes(int n) {
            if (n < 1 || n == Integer.MAX_VALUE) {
                throw new CommandLine.ParameterException(mixee.commandLine(),
                        "--max-line-bytes: must be between 1 and " + (Integer.MAX_VALUE - 1));
            }
            maxLineBytes = n;
        }
    }

    /** Options every subcommand shares: which profile and which extra rules. */
    static final class EngineOptions {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec mixee;

        @Option(names = "--profile", paramLabel = "F", description = "School profile (JSON or YAML). Default: the built-in profile.")
        Path profile;

        @Option(names = "--rules", paramLabel = "DIR", description = "Folder of extra .drl files; a file named like a built-in one replaces it.")
        Path rules;

        @Option(names = "--verbose", description = "Log at INFO to stderr (never message text).")
        boolean verbose;

        @Option(names = "--rules-cache", paramLabel = "DIR", description = "Keep compiled rules in DIR, so later runs start faster. "
                + "Default: $HALLPASS_RULES_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/hallpass/rules. Not used by check, which always compiles.")
        Path rulesCache;

        @Option(names = "--no-rules-cache", description = "Compile the rules; neither read nor write the compiled-rules cache.")
        boolean noRulesCache;

        @Option(names = "--semantic", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Read each message for its meaning with the on-device semantic tier beside the word lists "
                + "(the default; loading the model takes about a second). --no-semantic: the word lists alone.")
        boolean semantic = true;

        SchoolProfile loadProfile() {
            if (profile == null) {
                return SchoolProfile.builtIn();
            }
            InputPaths.requireFile(profile);
            return SchoolProfile.load(profile);
        }

        PolicyEngine buildEngine() {
            return buildEngine(true);
        }

        /** The engine, with or without the school's semantic training in the rules folder. */
        PolicyEngine buildEngine(boolean schoolTraining) {
            return builder(schoolTraining).build();
        }

        /** A builder set up from these options, for a command that adds to it (serve: the decision log). */
        PolicyEngine.Builder builder(boolean schoolTraining) {
            checkPaths();
            Path cache = rulesCacheDirectory(System.getenv(), System.getProperty("user.home"));
            if (verbose && mixee != null) {
                Verbose.engine(mixee.commandLine().getErr(), this, cache, noRulesCache ? "--no-rules-cache" : "no home directory");
            }
            PolicyEngine.Builder builder = PolicyEngine.builder().profile(loadProfile()).schoolTraining(schoolTraining);
            if (cache != null) {
                builder.compiledRulesCache(cache);
            }
            if (rules != null) {
                builder.rulesDirectory(rules);
            }
            builder.semanticTier(semantic);
            return builder;
        }

        /**
         * Names a {@code --profile} that is missing or a directory, or {@code --rules} that is
         * missing or a file, before anything loads.
         *
         * @throws PolicyException {@code no such file: PATH} and the like
         */
        void checkPaths() {
            if (profile != null) {
                InputPaths.requireFile(profile);
            }
            if (rules != null) {
                InputPaths.requireDirectory(rules);
            }
        }

        /**
         * The compiled-rules cache directory: {@code --rules-cache}, else {@code
         * HALLPASS_RULES_CACHE}, else {@code $XDG_CACHE_HOME/hallpass/rules} (when absolute), else
         * {@code ~/.cache/hallpass/rules}; null with {@code --no-rules-cache} or nowhere to put it.
         */
        Path rulesCacheDirectory(java.util.Map<String, String> env, String home) {
            if (noRulesCache) {
                return null;
            }
            if (rulesCache != null) {
                return rulesCache;
            }
            String explicit = env.get("HALLPASS_RULES_CACHE");
            if (explicit != null && !explicit.isBlank()) {
                return Path.of(explicit);
            }
            String xdg = env.get("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg, "hallpass", "rules");
            }
            return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "hallpass", "rules");
        }
    }

    /** {@code --version}: "hallpass" and the version policy-core was built with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = PolicyEngine.class.getResourceAsStream("/dev/hallpass/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"hallpass " + p.getProperty("version", "(unknown version)")};
        }
    }
}
