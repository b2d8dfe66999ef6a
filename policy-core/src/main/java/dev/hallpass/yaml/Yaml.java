package dev.hallpass.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * The limits for the files Hallpass reads (profiles, clauses, the detectors' word lists), hardened
 * against hostile input: no alias expansion bombs ("billion laughs"), bounded nesting, bounded
 * size; and the field path of a duplicate key. Shared by the root package and {@code
 * dev.hallpass.detect}, so that neither needs the other; not part of the API hosts use. Its public
 * signatures hold no Jackson type: each package builds its own (package-private) mapper from these
 * limits ({@code dev.hallpass.Mappers}, {@code dev.hallpass.detect.LexiconReader}).
 */
public final class Yaml {
    /** Largest profile or clause file read, in characters. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    /** Deepest nesting read. */
    public static final int MAX_DEPTH = 64;
    /** Most YAML aliases in one file (no "billion laughs"). */
    public static final int MAX_ALIASES = 20;

    private Yaml() {}

    /**
     * The field path ({@code classes[0].children[2].name}) of the key that {@code e} reports as
     * given twice (read with {@code STRICT_DUPLICATE_DETECTION}), or null when {@code e} is about
     * something else. The same walk as {@code dev.hallpass.json.MessageJson}'s, kept apart so that
     * neither package needs the other; keys that do not look like field names read {@code (key)}.
     */
    public static String duplicateKeyPath(Exception exception) {
        return duplicateKeyPath(exception, name -> name != null && name.matches("[A-Za-z0-9_$.-]{1,64}") ? name : "(key)", "(root)");
    }

    /**
     * As {@link #duplicateKeyPath(Exception)}, with each key shown as {@code shown} says and
     * {@code root} for a key at the top level's own position.
     */
    public static String duplicateKeyPath(Exception exception, java.util.function.UnaryOperator<String> shown, String root) {
        if (!(exception instanceof JsonProcessingException e)) {
            return null;
        }
        String original = e.getOriginalMessage();
        if (original == null || !original.startsWith("Duplicate field") || !(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        java.util.List<String> segments = new java.util.ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            segments.add(c.inArray() ? "[" + c.getCurrentIndex() + "]" : shown.apply(c.getCurrentName()));
        }
        StringBuilder path = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            String s = segments.get(i);
            if (path.length() > 0 && !s.startsWith("[")) {
                path.append('.');
            }
            path.append(s);
        }
        return path.length() == 0 ? root : path.toString();
    }

    /**
     * The UTF-8 text of class-path resource {@code name} (a built-in rule file, the clause
     * catalogue, the profile, the lexicon), or empty when it is not on the class path. The one
     * loader every package uses; each turns "missing" into its own error.
     *
     * @throws java.io.IOException when it is there but cannot be read
     */
    public static java.util.Optional<String> classPathText(String name) throws java.io.IOException {
        try (java.io.InputStream in = Yaml.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Where in a file a parse error is, 1-based.
     *
     * @param line the line, from 1
     * @param column the column, from 1
     */
    public record Position(int line, int column) {}

    /**
     * Where {@code e}, a failure to parse YAML or JSON, says the problem is, or null when it does not
     * say. For YAML this is SnakeYAML's problem mark (the token it could not fit), not Jackson's
     * location, which is often the end of the last token read before it (a line too early).
     */
    public static Position position(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                return new Position(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            }
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            return new Position(j.getLocation().getLineNr(), Math.max(1, j.getLocation().getColumnNr()));
        }
        return null;
    }

    /**
     * The one problem line for a file that could not be read at all, as profiles and word lists
     * report it: {@code path: duplicate key}, {@code (root): not valid YAML at line L, column C},
     * or {@code (root): refused: …} for what SnakeYAML refuses (alias bombs, deep nesting).
     *
     * @param format "YAML" or "JSON", for the message
     */
    public static String readProblem(Exception e, String format) {
        String duplicate = duplicateKeyPath(e);
        if (duplicate != null) {
            return duplicate + ": duplicate key";
        }
        if (e instanceof JsonProcessingException) {
            Position where = position(e);
            return "(root): not valid " + format + (where == null ? "" : " at line " + where.line() + ", column " + where.column());
        }
        return "(root): refused: " + e.getClass().getSimpleName() + " (too many aliases, too deep, or too large)";
    }
}
