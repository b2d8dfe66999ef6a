package dev.hallpass.cli;

import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policy evaluate}: one decision per non-blank input line, in input order, each carrying
 * {@code "line"}, the 1-based number of the input line it answers (see {@link JsonLinesEvaluator}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Reads proposed messages as JSON Lines (FILE or stdin) and writes one decision per line.",
                "Blank lines are skipped; every answer, decision or error, carries \"line\": the number of the input line it answers."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every line evaluated", "1:could not start (bad profile, rules that do not compile)", "2:some lines were bad (each still answered)"})
class EvaluateCommand implements Callable<Integer> {
    enum Format { jsonl, text }

    @Mixin
    PolicyCli.EngineOptions engineOptions = new PolicyCli.EngineOptions();

    @Mixin
    PolicyCli.LineOptions lineOptions = new PolicyCli.LineOptions();

    @Option(names = "--format", paramLabel = "jsonl|text", description = "jsonl (default) or text, a table for people.")
    Format format = Format.jsonl;

    int threads = JsonLinesEvaluator.DEFAULT_THREADS;

    @Option(names = "--threads", paramLabel = "N", description = "Lines evaluated at once (default: the number of processors, at most 4). "
            + "Answers are written in input order whatever N is; --threads 1 evaluates one line after another.")
    void threads(int n) {
        if (n < 1 || n > 256) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads: must be between 1 and 256");
        }
        threads = n;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "JSON Lines of proposed messages; stdin when absent.")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    boolean explain() {
        return false;
    }

    @Override
    public Integer call() {
        PolicyEngine engine;
        InputStream in;
        try {
            if (file != null) {
                InputPaths.requireFile(file);
            }
            engine = engineOptions.buildEngine();
            if (engineOptions.verbose) {
                Verbose.input(spec.commandLine().getErr(), file);
            }
            // A pipe (<(...)) through FileInputStream: a channel's stream fails available() there with "Illegal seek".
            in = file == null ? System.in : Files.isRegularFile(file) ? Files.newInputStream(file) : new java.io.FileInputStream(file.toFile());
        } catch (PolicyException | IOException | UncheckedIOException e) {
            spec.commandLine().getErr().println("policy: " + (e instanceof IOException io ? "cannot read " + file + ": " + io.getMessage() : e.getMessage()));
            return PolicyCli.FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = format == Format.text ? new TextTable(out) : null;
        boolean allGood;
        try (in) {
            allGood = new JsonLinesEvaluator(engine, explain(), lineOptions.maxLineBytes, threads).run(in, out, table);
        } catch (IOException e) {
            spec.commandLine().getErr().println("policy: reading input failed: " + e.getMessage());
            out.flush();
            return PolicyCli.FAILED;
        }
        boolean anyBad = !allGood;
        return anyBad ? PolicyCli.BAD_LINES : PolicyCli.OK;
    }
}
