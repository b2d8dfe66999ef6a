package dev.hallpass;

import java.util.List;

/** A rule set could not be loaded; {@link #problems()} says where, as {@code file:line:col}. */
public final class RuleLoadException extends PolicyException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    /** @param problems every problem found, at least one */
    public RuleLoadException(List<RuleProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** @param problems every problem found, at least one; @param cause the failure behind them (a file that could not be read) */
    public RuleLoadException(List<RuleProblem> problems, Throwable cause) {
        this(problems);
        initCause(cause);
    }

    private static String describe(List<RuleProblem> problems) {
        StringBuilder sb = new StringBuilder("rules failed to load:");
        problems.forEach(p -> sb.append("\n  ").append(p));
        return sb.toString();
    }

    /** Every problem, in file order. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
