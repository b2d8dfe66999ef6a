package dev.hallpass.cli;

import picocli.CommandLine.Command;

/** {@code policy explain}: like evaluate, plus the findings and the rules that fired. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Like evaluate, and each decision also says which findings fed which rules (\"explain\": {findings, rules}).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every line evaluated", "1:could not start (bad profile, rules that do not compile)", "2:some lines were bad (each still answered)"})
final class ExplainCommand extends EvaluateCommand {
    @Override
    boolean explain() {
        return true;
    }
}
