package dev.hallpass.detect;

import java.util.List;

/**
 * The detectors' word lists could not be read: not found, not valid YAML, or a field that is
 * missing, unknown or of the wrong type. {@link #problems()} lists every problem, each beginning
 * with the file and field path ({@code lexicon.yaml: kinds.URGENCY.phrases[3]: must be a non-empty
 * string}). The engine turns it into its own exception type where it builds the detectors.
 */
public final class LexiconException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    /** @param source the file's name; @param problems one per entry, each starting with a field path */
    public LexiconException(String source, List<String> problems) {
        super(lines(source, problems));
        this.problems = problems.stream().map(p -> source + ": " + p).toList();
    }

    private static String lines(String source, List<String> problems) {
        StringBuilder sb = new StringBuilder();
        for (String p : problems) {
            sb.append(sb.length() == 0 ? "" : "\n").append(source).append(": ").append(p);
        }
        return sb.toString();
    }

    /** Every problem found, one per entry, each beginning with the file and field path. */
    public List<String> problems() {
        return problems;
    }
}
