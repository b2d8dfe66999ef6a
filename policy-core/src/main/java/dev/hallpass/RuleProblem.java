package dev.hallpass;

/**
 * A problem in a rule or catalogue file, located as precisely as the compiler allows.
 *
 * @param file the file name (as given to the engine)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when the compiler does not say (Drools rarely does)
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, int column, String message) {
    /** {@code FILE:LINE:COL: message}, the format {@code ./policy check} prints. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
