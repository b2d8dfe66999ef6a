package dev.hallpass;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Readers for files a school supplies (profiles, clauses), hardened against hostile input: no
 * alias expansion bombs ("billion laughs"), bounded nesting, bounded size.
 */
final class Yaml {
    /** Largest profile or clause file read, in characters. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;

    private Yaml() {}

    static ObjectMapper yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build();
        return new YAMLMapper(factory);
    }

    static ObjectMapper json() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(constraints());
        return mapper;
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_CHARS).maxNumberLength(100).build();
    }
}
