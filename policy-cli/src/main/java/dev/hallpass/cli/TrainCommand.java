package dev.hallpass.cli;

import dev.hallpass.InvalidMessageException;
import dev.hallpass.facts.Outcome;
import dev.hallpass.json.PolicyCase;
import dev.hallpass.semantic.SchoolTraining;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policy train}: trains the semantic tier's classifiers from a labelled corpus folder, or teaches
 * it by a school's own test cases (contract §5 files) and writes the school's adjustments.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the semantic tier. INPUT a folder of labelled brief-*.jsonl files (as policy-semantic-corpus/): "
                + "trains the built-in classifiers and writes their weights to OUT; the same corpus always gives the same file.",
                "INPUT one or more case files (as for test): learns this school's adjustments from its own cases and writes them "
                + "to OUT, which belongs in the school's rules folder as " + SchoolTraining.FILE + " (the engine reads it from there; "
                + "test shows the cases passed with and without it)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:weights or adjustments written", "1:the input or the output could not be used"})
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "INPUT... OUT", description = "A corpus folder, or case files; then the file to write.")
    List<Path> paths;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> inputs = paths.subList(0, paths.size() - 1);
        Path out = paths.get(paths.size() - 1);
        try {
            checkPaths(inputs, out);
        } catch (dev.hallpass.PolicyException e) {
            spec.commandLine().getErr().println("policy: " + e.getMessage());
            return PolicyCli.FAILED;
        }
        try {
            if (inputs.size() == 1 && Files.isDirectory(inputs.get(0))) {
                spec.commandLine().getErr().println(dev.hallpass.semantic.Train.run(inputs.get(0), out));
                return PolicyCli.OK;
            }
            List<SchoolTraining.Case> cases = new ArrayList<>();
            for (Path in : inputs) {
                List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
                if (lines.stream().allMatch(String::isBlank)) {
                    spec.commandLine().getErr().println("policy: train: " + in + ": no cases");
                    return PolicyCli.FAILED;
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    try {
                        PolicyCase c = PolicyCase.parse(lines.get(i));
                        cases.add(new SchoolTraining.Case(c.message().text(), c.message().channel().name(),
                                c.outcome() == Outcome.ALLOW && c.clauses().isEmpty(), new HashSet<>(c.clauses()), new HashSet<>(c.notClauses())));
                    } catch (InvalidMessageException e) {
                        spec.commandLine().getErr().println("policy: train: " + in + ":" + (i + 1) + ": " + e.getMessage());
                        return PolicyCli.FAILED;
                    }
                }
            }
            spec.commandLine().getErr().println(SchoolTraining.run(cases, out));
            return PolicyCli.OK;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException | dev.hallpass.PolicyException e) {
            spec.commandLine().getErr().println("policy: train: " + e.getMessage());
            return PolicyCli.FAILED;
        }
    }

    /** A missing input, an input that is not a folder or case files, or an output that is a folder, named by its path. */
    private static void checkPaths(List<Path> inputs, Path out) {
        InputPaths.requireWritableFile(out);
        if (inputs.size() == 1 && !Files.exists(inputs.get(0))) {
            throw new dev.hallpass.PolicyException("no such file or directory: " + inputs.get(0)
                    + " (train reads a corpus folder, or case files)");
        }
        if (inputs.size() > 1 || !Files.isDirectory(inputs.get(0))) {
            inputs.forEach(InputPaths::requireFile);
        }
    }
}
