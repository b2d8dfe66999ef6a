package dev.hallpass.cli;

import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import dev.hallpass.SchoolProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./policy} command (contract §1). stdout carries only results; everything else,
 * including every log line, goes to stderr.
 */
@Command(name = "policy", mixinStandardHelpOptions = true, version = "hallpass 0.1.0",
        description = "Checks proposed parent–teacher messages against the school's acceptable use policy.",
        subcommands = {EvaluateCommand.class, ExplainCommand.class, CheckCommand.class, TestCommand.class})
public final class PolicyCli implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_LINES = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Runs the command with the given output streams; returns the exit code. For tests and embedding. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        quietLogging(args);
        CommandLine cli = new CommandLine(new PolicyCli());
        cli.setOut(out);
        cli.setErr(err);
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
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FAILED;
    }

    /** Logs go to stderr, at WARN unless --verbose is given; set before any logger exists. */
    private static void quietLogging(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    }

    /** Options every subcommand shares: which profile and which extra rules. */
    static final class EngineOptions {
        @Option(names = "--profile", paramLabel = "F", description = "School profile (JSON or YAML). Default: the built-in profile.")
        Path profile;

        @Option(names = "--rules", paramLabel = "DIR", description = "Folder of extra .drl files; a file named like a built-in one replaces it.")
        Path rules;

        @Option(names = "--verbose", description = "Log at INFO to stderr (never message text).")
        boolean verbose;

        SchoolProfile loadProfile() {
            if (profile == null) {
                return SchoolProfile.builtIn();
            }
            if (!Files.isRegularFile(profile)) {
                throw new PolicyException("profile " + profile + ": no such file");
            }
            return SchoolProfile.load(profile);
        }

        PolicyEngine buildEngine() {
            PolicyEngine.Builder builder = PolicyEngine.builder().profile(loadProfile());
            if (rules != null) {
                if (!Files.isDirectory(rules)) {
                    throw new PolicyException("rules " + rules + ": not a directory");
                }
                builder.rulesDirectory(rules);
            }
            return builder.build();
        }
    }
}
