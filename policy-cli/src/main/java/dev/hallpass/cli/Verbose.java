package dev.hallpass.cli;

import dev.hallpass.MeaningDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * What {@code --verbose} says on stderr about what a command loads and from where: the profile, the
 * rule files, the compiled-rules cache (its hit or miss is logged by the cache itself), the semantic
 * model and the input. Paths and resource names only: never message text, and nothing a profile holds
 * (children's names).
 */
final class Verbose {
    /** The built-in profile's class-path resource. */
    static final String BUILT_IN_PROFILE = "hallpass/default-profile.yaml";
    /** The built-in clause catalogue, beside the built-in rule files. */
    static final String BUILT_IN_CLAUSES = "hallpass/clauses.yaml";
    /** The semantic tier's model file (policy-semantic's {@code Encoder.MODEL_RESOURCE}). */
    static final String SEMANTIC_MODEL = "bge-small-en-v1.5-q.onnx";

    private Verbose() {}

    /**
     * The profile, rules, cache and semantic lines.
     *
     * @param cache the compiled-rules cache folder in use, or null
     * @param noCache why there is none, when {@code cache} is null
     */
    static void engine(PrintWriter err, PolicyCli.EngineOptions o, Path cache, String noCache) {
        err.println("policy: profile: " + (o.profile == null
                ? "built-in (" + BUILT_IN_PROFILE + " from " + where(BUILT_IN_PROFILE) + ")" : absolute(o.profile)));
        err.println("policy: rules: built-in (from " + where(BUILT_IN_CLAUSES) + ")");
        if (o.rules != null) {
            err.println("policy: rules: " + absolute(o.rules) + ": " + schoolFiles(o.rules));
        }
        err.println("policy: compiled-rules cache: " + (cache != null ? absolute(cache) : "off (" + noCache + ")"));
        if (!o.semantic) {
            err.println("policy: semantic tier: off (--no-semantic)");
        } else if (ServiceLoader.load(MeaningDetector.Provider.class, Verbose.class.getClassLoader()).stream().findAny().isEmpty()) {
            err.println("policy: semantic tier: off (not on the class path)");
        } else {
            err.println("policy: semantic tier: on (model " + SEMANTIC_MODEL + " from " + where(SEMANTIC_MODEL) + ")");
        }
    }

    /** The input line: a file, or stdin. */
    static void input(PrintWriter err, Path file) {
        err.println("policy: input: " + (file == null ? "stdin" : absolute(file)));
    }

    /** The case files {@code test} reads. */
    static void cases(PrintWriter err, List<Path> files) {
        err.println("policy: cases: " + String.join(", ", files.stream().map(f -> absolute(f).toString()).toList()));
    }

    /** The files of a school's rules folder that the engine reads, by name. */
    private static String schoolFiles(Path dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().forEach(names::add);
        } catch (IOException | RuntimeException e) {
            return "cannot be listed (" + e.getClass().getSimpleName() + ")";
        }
        for (String extra : List.of("clauses.yaml", MeaningDetector.SCHOOL_TRAINING_FILE)) {
            if (Files.isRegularFile(dir.resolve(extra))) {
                names.add(extra);
            }
        }
        return names.isEmpty() ? "no rule files" : String.join(", ", names);
    }

    /** The jar or folder a class-path resource comes from. */
    private static String where(String resource) {
        URL url = Verbose.class.getClassLoader().getResource(resource);
        if (url == null) {
            return "nowhere: not on the class path";
        }
        String s = url.toString();
        if (s.startsWith("jar:file:") && s.contains("!/")) {
            return s.substring("jar:file:".length(), s.indexOf("!/"));
        }
        return s.startsWith("file:") ? s.substring("file:".length()) : s;
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
