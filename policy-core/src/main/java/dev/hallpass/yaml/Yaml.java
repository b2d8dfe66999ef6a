package dev.hallpass.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Readers for the files Hallpass reads (profiles, clauses, the detectors' word lists), hardened
 * against hostile input: no alias expansion bombs ("billion laughs"), bounded nesting, bounded
 * size. Shared by the root package and {@code dev.hallpass.detect}, so that neither needs the other
 * to read YAML; not part of the API hosts use.
 */
public final class Yaml {
    /** Largest profile or clause file read, in characters. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;

    private Yaml() {}

    /** A YAML mapper with the limits above. */
    public static ObjectMapper yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build();
        return new YAMLMapper(factory);
    }

    /** A JSON mapper with the limits above. */
    public static ObjectMapper json() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(constraints());
        return mapper;
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_CHARS).maxNumberLength(100).build();
    }

    /**
     * The field path ({@code classes[0].children[2].name}) of the key that {@code e} reports as
     * given twice (read with {@code STRICT_DUPLICATE_DETECTION}), or null when {@code e} is about
     * something else. The same walk as {@code dev.hallpass.json.MessageJson}'s, kept apart so that
     * neither package needs the other; keys that do not look like field names read {@code (key)}.
     */
    public static String duplicateKeyPath(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original == null || !original.startsWith("Duplicate field") || !(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        java.util.List<String> segments = new java.util.ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.add("[" + c.getCurrentIndex() + "]");
            } else {
                String name = c.getCurrentName();
                segments.add(name != null && name.matches("[A-Za-z0-9_$.-]{1,64}") ? name : "(key)");
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            String s = segments.get(i);
            if (path.length() > 0 && !s.startsWith("[")) {
                path.append('.');
            }
            path.append(s);
        }
        return path.length() == 0 ? "(root)" : path.toString();
    }
}
