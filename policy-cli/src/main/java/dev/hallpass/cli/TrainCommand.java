package dev.hallpass.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy train}: trains the semantic tier's classifiers from a labelled corpus. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains the semantic tier's classifiers from a labelled corpus folder (brief-*.jsonl, "
                + "as in policy-semantic-corpus/) and writes the weights. The same corpus always gives the same file.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:weights written", "1:the corpus or the output could not be used"})
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORPUS", description = "Folder of labelled brief-*.jsonl files.")
    Path corpus;

    @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the weights (JSON).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(corpus)) {
            spec.commandLine().getErr().println("policy: train: " + corpus + ": not a directory");
            return PolicyCli.FAILED;
        }
        try {
            spec.commandLine().getErr().println(dev.hallpass.semantic.Train.run(corpus, out));
            return PolicyCli.OK;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("policy: train: " + e.getMessage());
            return PolicyCli.FAILED;
        }
    }
}
