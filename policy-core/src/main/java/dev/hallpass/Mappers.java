package dev.hallpass;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hallpass.yaml.Yaml;
import org.yaml.snakeyaml.LoaderOptions;

/** The root package's YAML and JSON mappers, with {@link Yaml}'s limits. Package-private: no Jackson type reaches hosts. */
final class Mappers {
    private Mappers() {}

    /** A YAML mapper: aliases, nesting and size bounded. */
    static ObjectMapper yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Yaml.MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(Yaml.MAX_DEPTH);
        options.setCodePointLimit(Yaml.MAX_CHARS);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build());
    }

    /** A JSON mapper: nesting and size bounded. */
    static ObjectMapper json() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(constraints());
        return mapper;
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(Yaml.MAX_DEPTH).maxStringLength(Yaml.MAX_CHARS).maxNumberLength(100).build();
    }
}
