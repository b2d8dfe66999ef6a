package dev.hallpass.cli;

import dev.hallpass.Decision;
import dev.hallpass.InvalidMessageException;
import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import dev.hallpass.json.PolicyCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy test}: runs a school's own cases (contract §5). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs test cases (JSON Lines of {message, expect}) and ends with 'N passed, M failed'.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:all passed", "1:any failed, or could not start"})
final class TestCommand implements Callable<Integer> {
    @Mixin
    PolicyCli.EngineOptions engineOptions = new PolicyCli.EngineOptions();

    @Parameters(arity = "1..*", paramLabel = "CASES", description = "Case files, JSON Lines.")
    List<Path> caseFiles;

    @Mixin
    PolicyCli.LineOptions lineOptions = new PolicyCli.LineOptions();

    @picocli.CommandLine.Option(names = "--coverage", description = "Also list the enforced clauses that no case's decision cited.")
    boolean coverage;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What a case line looks like, for a line that is not one (contract §5). */
    static final String CASE_LINE = "a case line is {\"message\": {...}, \"expect\": {\"outcome\": ...}}";

    /** True when {@code line} is a proposed message (contract §2) rather than a case wrapping one. */
    static boolean looksLikeMessage(String line) {
        try {
            dev.hallpass.json.MessageJson.parse(line);
            return true;
        } catch (InvalidMessageException e) {
            return false;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyEngine engine;
        try {
            caseFiles.forEach(InputPaths::requireFile);
            engine = engineOptions.buildEngine();
            if (engineOptions.verbose) {
                Verbose.cases(spec.commandLine().getErr(), caseFiles);
            }
        } catch (PolicyException | UncheckedIOException e) {
            spec.commandLine().getErr().println("policy: " + e.getMessage());
            return PolicyCli.FAILED;
        }
        PolicyEngine untaught = null;
        if (engineOptions.semantic && engineOptions.rules != null
                && Files.isRegularFile(engineOptions.rules.resolve(dev.hallpass.MeaningDetector.SCHOOL_TRAINING_FILE))) {
            try {
                untaught = engineOptions.buildEngine(false);
            } catch (PolicyException | UncheckedIOException e) {
                spec.commandLine().getErr().println("policy: " + e.getMessage());
                return PolicyCli.FAILED;
            }
        }
        int passedUntaught = 0;
        int passed = 0;
        int failed = 0;
        java.util.Set<String> cited = new java.util.HashSet<>();
        for (Path file : caseFiles) {
            try (java.io.InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file) : new java.io.FileInputStream(file.toFile())) {
                LineReader reader = new LineReader(in, lineOptions.maxLineBytes);
                int lines = 0;
                for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                    if (line.text() != null && line.text().isBlank()) {
                        continue;
                    }
                    lines++;
                    String where = file + ":" + line.number();
                    if (line.tooLong()) {
                        failed++;
                        out.printf("FAIL %s: invalid case: %s%n", where, JsonLinesEvaluator.tooLong(line, lineOptions.maxLineBytes));
                        continue;
                    }
                    if (line.text() == null) {
                        failed++;
                        out.printf("FAIL %s: invalid case: (line): not valid UTF-8%n", where);
                        continue;
                    }
                    try {
                        PolicyCase c = PolicyCase.parse(line.text());
                        Decision d = engine.evaluate(c.message());
                        d.reasons().forEach(r -> cited.add(r.clause()));
                        List<String> diffs = c.check(d);
                        if (untaught != null && c.check(untaught.evaluate(c.message())).isEmpty()) {
                            passedUntaught++;
                        }
                        if (diffs.isEmpty()) {
                            passed++;
                        } else {
                            failed++;
                            out.printf("FAIL %s (%s)%n", where, c.name());
                            diffs.forEach(diff -> out.printf("     %s%n", diff));
                        }
                    } catch (InvalidMessageException e) {
                        failed++;
                        if (e.field().equals("message") && e.problem().equals("missing")) {
                            boolean aMessage = looksLikeMessage(line.text());
                            out.printf("FAIL %s: not a test case: %s%s%n", where, CASE_LINE, aMessage ? " (this looks like a message)" : "");
                            if (aMessage && lines == 1) {
                                break; // a file of messages: once is enough
                            }
                        } else {
                            out.printf("FAIL %s: invalid case: %s%n", where, e.getMessage());
                        }
                    }
                }
                if (lines == 0) {
                    failed++;
                    out.printf("FAIL %s: no cases%n", file);
                }
            } catch (IOException e) {
                out.printf("FAIL %s: cannot read (%s)%n", file, e.getClass().getSimpleName());
                failed++;
            }
        }
        if (coverage) {
            List<String> missed = engine.clauses().stream().filter(dev.hallpass.Clause::enforced)
                    .map(dev.hallpass.Clause::id).filter(id -> !cited.contains(id)).toList();
            out.printf("coverage: %s%n", missed.isEmpty() ? "every enforced clause was cited by at least one case"
                    : "no case exercised " + String.join(", ", missed));
        }
        if (untaught != null) {
            out.printf("school training (%s): %d passed without it, %d with it%n",
                    engineOptions.rules.resolve(dev.hallpass.MeaningDetector.SCHOOL_TRAINING_FILE), passedUntaught, passed);
        }
        out.printf("%d passed, %d failed%n", passed, failed);
        return failed == 0 ? PolicyCli.OK : PolicyCli.FAILED;
    }
}
