package dev.hallpass.cli;

import dev.hallpass.InvalidProfileException;
import dev.hallpass.PolicyEngine;
import dev.hallpass.PolicyException;
import dev.hallpass.RuleLoadException;
import dev.hallpass.SchoolProfile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code policy check}: validates the profile and compiles every rule file, printing each problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates the profile and compiles every rule file; prints each problem as FILE:LINE:COL: message, "
                + "then any warnings (risky roster names) as 'warning: FILE: path: message'.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:clean (warnings allowed)", "1:problems"})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    PolicyCli.EngineOptions engineOptions = new PolicyCli.EngineOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            engineOptions.checkPaths();
        } catch (PolicyException e) {
            spec.commandLine().getErr().println("policy: " + e.getMessage());
            return PolicyCli.FAILED;
        }
        if (engineOptions.verbose) {
            Verbose.engine(spec.commandLine().getErr(), engineOptions, null, "check always compiles");
        }
        List<String> problems = new ArrayList<>();
        String profileName = engineOptions.profile == null ? "default-profile.yaml" : engineOptions.profile.toString();
        SchoolProfile profile = null;
        try {
            profile = engineOptions.loadProfile();
        } catch (InvalidProfileException e) {
            e.problems().forEach(p -> problems.add(located(profileName, p)));
        } catch (PolicyException | UncheckedIOException e) {
            problems.add(profileName + ":0:0: " + e.getMessage());
        }
        PolicyEngine.Builder builder = PolicyEngine.builder().profile(profile != null ? profile : SchoolProfile.builtIn());
        if (engineOptions.rules != null) {
            builder.rulesDirectory(engineOptions.rules);
        }
        builder.semanticTier(engineOptions.semantic);
        try {
            PolicyEngine engine = builder.build();
            if (problems.isEmpty()) {
                out.printf("ok: profile %s valid; %d clauses in the catalogue; every rule file compiled%n",
                        profileName, engine.clauses().size());
                out.printf("policy digest: %s%n", engine.policyDigest());
            }
        } catch (RuleLoadException e) {
            e.problems().forEach(p -> problems.add(p.toString()));
        } catch (InvalidProfileException e) {
            e.problems().forEach(p -> problems.add(located(profileName, p)));
        } catch (PolicyException e) {
            // the semantic tier on the class path could not load
            problems.add("semantic:0:0: " + e.getMessage());
        }
        problems.forEach(out::println);
        if (profile != null) {
            // Legal but risky entries: printed for the school, and no reason to fail the check.
            profile.warnings().forEach(w -> out.println("warning: " + profileName + ": " + w));
            if (!engineOptions.semantic) {
                profile.clauses().forEach((id, c) -> {
                    if (c.threshold() != null) {
                        out.println("warning: " + profileName + ": clauses." + id + ".threshold: has no effect with --no-semantic");
                    }
                });
            }
        }
        return problems.isEmpty() ? PolicyCli.OK : PolicyCli.FAILED;
    }

    private static final java.util.regex.Pattern AT_LINE = java.util.regex.Pattern.compile("(.*) at line (\\d+), column (\\d+)(.*)");

    /**
     * A profile problem as {@code FILE:LINE:COL: message}: a file that is not valid YAML or JSON says
     * where ({@code (root): not valid YAML at line 5, column 3}, see {@code Yaml.readProblem}), and
     * that position becomes the line and column; a problem with a field path has no position (0:0).
     */
    static String located(String file, String problem) {
        java.util.regex.Matcher m = AT_LINE.matcher(problem);
        if (problem.startsWith("(root): not valid ") && m.matches()) {
            return file + ":" + m.group(2) + ":" + m.group(3) + ": " + m.group(1) + m.group(4);
        }
        return file + ":0:0: " + problem;
    }
}
