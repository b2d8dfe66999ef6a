package dev.hallpass.cli;

import dev.hallpass.DecisionLog;
import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policy serve}: the policy over HTTP for hosts not on the JVM (contract §7.3); the
 * endpoints are {@link PolicyServer}'s. The engine is built before the server listens. SIGTERM or
 * SIGINT stops it gracefully: no new connections, requests in flight finish (at most {@value
 * #GRACE_SECONDS} s), exit 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answers POST /v1/evaluate, POST /v1/explain, GET /health and GET /v1/policy over HTTP, on 127.0.0.1 unless told otherwise.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by SIGTERM or SIGINT, after the requests in flight were answered",
                "1:could not start (bad profile, rules that do not compile, an address that cannot be bound)"})
final class ServeCommand implements Callable<Integer> {
    /** How long a stop waits for requests in flight. */
    static final int GRACE_SECONDS = 5;
    static final int DEFAULT_PORT = 8181;

    @Mixin
    PolicyCli.EngineOptions engineOptions = new PolicyCli.EngineOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1, this machine only). "
            + "Any other address is reachable from other machines, with no authentication and no TLS: a warning says so.")
    String host = "127.0.0.1";

    int port = DEFAULT_PORT;
    int threads = Runtime.getRuntime().availableProcessors();
    int maxBodyBytes = LineReader.DEFAULT_MAX_LINE_BYTES;

    @Option(names = "--decision-log", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Log one JSON line per decision to stderr (logger " + DecisionLog.LOGGER + "; ids, clauses, outcome, "
            + "finding kinds and a keyed hash of the text, never the text). On by default; --no-decision-log turns it off.")
    boolean decisionLog = true;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default 8181; 0: any free port). The address is printed on stderr.")
    void port(int p) {
        port = checked("--port", p, 0, 65_535);
    }

    @Option(names = "--threads", paramLabel = "N", description = "Requests handled at once (default: the number of processors).")
    void threads(int n) {
        threads = checked("--threads", n, 1, 10_000);
    }

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Largest request body, in bytes (default 8 MiB, 8388608). "
            + "A larger one is answered 413 without being read into memory.")
    void maxBodyBytes(int n) {
        maxBodyBytes = checked("--max-body-bytes", n, 1, Integer.MAX_VALUE - 1);
    }

    private int checked(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": must be between " + min + " and " + max);
        }
        return value;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PolicyServer server = start(err);
        if (server == null) {
            return PolicyCli.FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(GRACE_SECONDS);
            err.println("policy serve: stopped");
            err.flush();
            // Asked to stop, it stopped cleanly: exit 0, as service managers expect, not the 143
            // (128 + SIGTERM) the JVM would report. Every request was answered by now.
            Runtime.getRuntime().halt(PolicyCli.OK);
        }, "policy-serve-shutdown"));
        new CountDownLatch(1).await(); // until the process is stopped
        return PolicyCli.OK;
    }

    /**
     * Builds the engine and starts the server; prints where it listens (and a warning when that
     * is not a loopback address) on {@code err}. Null, with the reason on {@code err}, when it
     * could not start.
     */
    PolicyServer start(PrintWriter err) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            err.println("policy serve: --host " + host + ": unknown host");
            return null;
        }
        PolicyEngine engine;
        try {
            PolicyEngine.Builder builder = engineOptions.builder(true);
            if (decisionLog) {
                byte[] key = new byte[32]; // one key per run: the log's text hashes compare within it
                new SecureRandom().nextBytes(key);
                builder.textHashKey(key).listener(DecisionLog.toSlf4j(key));
            }
            engine = builder.build();
        } catch (PolicyException | UncheckedIOException e) {
            err.println("policy: " + e.getMessage());
            return null;
        }
        PolicyServer server;
        try {
            server = PolicyServer.start(engine, new InetSocketAddress(address, port), threads, maxBodyBytes);
        } catch (IOException e) {
            err.println("policy serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return null;
        }
        if (!address.isLoopbackAddress()) {
            err.println("policy serve: warning: " + host + " is not a loopback address; anyone who can reach it can ask for "
                    + "decisions, with no authentication and no TLS");
        }
        err.println("policy serve: listening on " + server.uri());
        err.flush();
        return server;
    }
}
