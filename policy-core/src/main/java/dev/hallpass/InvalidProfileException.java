package dev.hallpass;

import java.util.List;

/**
 * A school profile is invalid. {@link #problems()} lists every problem found, each starting with the
 * field path ({@code contacts.schoolOffice.phone: missing}).
 */
public final class InvalidProfileException extends PolicyException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    /** @param source where the profile came from (a file name); @param problems one line each */
    public InvalidProfileException(String source, List<String> problems) {
        super("invalid profile " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param source where the profile came from (a file name or path); @param problems one line
     *     each; @param cause the failure behind them (a file that could not be read)
     */
    public InvalidProfileException(String source, List<String> problems, Throwable cause) {
        this(source, problems);
        initCause(cause);
    }

    /** Every problem found, one per entry, each beginning with the field path. */
    public List<String> problems() {
        return problems;
    }
}
