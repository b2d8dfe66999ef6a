package dev.hallpass.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each enum of the schemas lists exactly the constants of the Java enum Hallpass reads it into, and
 * an input schema's pattern accepts each constant in any case: a value added to the code and not to
 * the schema, or the other way round, fails here.
 */
final class SchemaEnumsMatchTheCodeTest {
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("message#/$defs/channel", Channel.class),
            Map.entry("message#/$defs/role", Role.class),
            Map.entry("message#/$defs/attachmentType", AttachmentType.class),
            Map.entry("decision#/$defs/outcome", Outcome.class),
            Map.entry("decision#/$defs/route", Route.class),
            Map.entry("decision#/$defs/obligation", Obligation.class),
            Map.entry("profile#/$defs/day", DayOfWeek.class),
            Map.entry("profile#/$defs/outcome", Outcome.class),
            Map.entry("profile#/$defs/route", Route.class),
            Map.entry("case#/$defs/outcome", Outcome.class),
            Map.entry("case#/$defs/route", Route.class),
            Map.entry("case#/$defs/obligation", Obligation.class));

    private static JsonNode def(String ref) {
        String[] parts = ref.split("#", 2);
        try {
            return Schemas.JSON.readTree(Schemas.FOLDER.resolve(parts[0] + ".schema.json").toFile()).at(parts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> listed(JsonNode def) {
        JsonNode e = def.has("enum") ? def.get("enum") : def.path("anyOf").path(0).path("enum");
        List<String> out = new ArrayList<>();
        e.forEach(n -> out.add(n.asText()));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> every_schema_enum_lists_exactly_the_constants_of_its_java_enum() {
        return ENUMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> dynamicTest(e.getKey(), () -> {
            List<String> constants = Stream.of(e.getValue().getEnumConstants()).map(Enum::name).toList();
            assertThat(listed(def(e.getKey()))).containsExactlyInAnyOrderElementsOf(constants);
            boolean input = !e.getKey().startsWith("decision");
            for (String c : constants) {
                assertThat(Schemas.problems(e.getKey(), TextNode.valueOf(c))).as(c).isEmpty();
                String mixed = " " + c.charAt(0) + c.substring(1).toLowerCase(Locale.ROOT) + " ";
                assertThat(Schemas.problems(e.getKey(), TextNode.valueOf(mixed))).as("%s: '%s'", e.getKey(), mixed)
                        .matches(p -> p.isEmpty() == input, input ? "accepted on input" : "refused on output");
            }
            assertThat(Schemas.problems(e.getKey(), TextNode.valueOf("NOT_A_" + constants.get(0)))).isNotEmpty();
        }));
    }

    @Test
    void a_profile_word_list_may_be_named_by_every_kind_that_has_one_and_no_other() {
        for (FindingKind k : FindingKind.values()) {
            boolean hasList = !k.isAttachment() && k != FindingKind.SCHOOL_WORDS;
            String lower = k.name().toLowerCase(Locale.ROOT);
            JsonNode words = Schemas.JSON.createObjectNode().set(lower, Schemas.JSON.createObjectNode());
            assertThat(Schemas.problems("profile#/properties/words", words)).as(lower).matches(p -> p.isEmpty() == hasList, hasList ? "accepted" : "refused");
        }
    }
}
