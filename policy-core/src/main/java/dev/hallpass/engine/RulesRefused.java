package dev.hallpass.engine;

import java.util.List;

/** Rule files that were refused or did not compile: every problem found. The API turns it into a {@code RuleLoadException}. */
public final class RulesRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    RulesRefused(List<Problem> problems) {
        super("rules failed to load:\n  " + String.join("\n  ", problems.stream().map(Problem::toString).toList()), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
