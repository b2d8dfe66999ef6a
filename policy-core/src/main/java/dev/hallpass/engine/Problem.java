package dev.hallpass.engine;

/**
 * A problem in a rule file, as the engine finds it; the API reports it as a {@code RuleProblem}.
 *
 * @param file the file name (as given to the engine)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record Problem(String file, int line, int column, String message) {
    /** {@code FILE:LINE:COL: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
