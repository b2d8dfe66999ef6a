package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a host can be thrown is a PolicyException subtype that names the path at fault. */
final class HostVisibleErrorsTest {
    @Test
    void a_rules_directory_that_is_not_a_directory_is_a_rule_load_exception_naming_it(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("rules.drl"), "");
        assertThatThrownBy(() -> PolicyEngine.builder().profile(dev.hallpass.fixtures.Profiles.testSchool()).rulesDirectory(file).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems())
                        .containsExactly(new RuleProblem(file.toString(), 0, 0, "not a directory")));
        assertThatThrownBy(() -> PolicyEngine.builder().profile(dev.hallpass.fixtures.Profiles.testSchool()).rulesDirectory(dir.resolve("missing")).build())
                .isInstanceOf(RuleLoadException.class).hasMessageContaining(dir.resolve("missing") + ":0:0: not a directory");
    }

    @Test
    void a_rules_directory_with_a_file_that_cannot_be_read_is_a_rule_load_exception_naming_the_directory(@TempDir Path dir)
            throws IOException {
        Files.createDirectory(dir.resolve("folder-named-like-a-rule.drl"));
        assertThatThrownBy(() -> PolicyEngine.builder().profile(dev.hallpass.fixtures.Profiles.testSchool()).rulesDirectory(dir).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.file()).isEqualTo(dir.toString());
                        assertThat(p.message()).startsWith("cannot be read (");
                    });
                    assertThat(e).hasCauseInstanceOf(IOException.class);
                });
    }

    @Test
    void a_profile_file_that_cannot_be_read_is_an_invalid_profile_naming_its_path(@TempDir Path dir) {
        Path missing = dir.resolve("school.yaml");
        assertThatThrownBy(() -> SchoolProfile.load(missing))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> {
                    assertThat(e.problems()).containsExactly("(file): cannot be read (NoSuchFileException)");
                    assertThat(e).hasMessageContaining(missing.toString());
                });
        assertThatThrownBy(() -> SchoolProfile.load(dir)).isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void a_profile_built_without_its_required_fields_names_each_one() {
        assertThatThrownBy(() -> SchoolProfile.builder().school("X").build())
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.problems())
                        .containsExactly("timezone: missing", "workingHours: missing", "contacts: missing"));
    }

    @Test
    void a_class_path_resource_that_is_missing_is_a_policy_exception_naming_it() {
        assertThatThrownBy(() -> Resources.text("hallpass/no-such-file.yaml", "clause catalogue"))
                .isExactlyInstanceOf(PolicyException.class)
                .hasMessage("clause catalogue hallpass/no-such-file.yaml not found: is policy-rules on the class path?");
    }

    @Test
    void only_a_redirect_has_a_route_wherever_an_outcome_and_a_route_meet() {
        assertThat(Outcome.REDIRECT.checkRoute(Route.PHONE_SCHOOL, "x")).isEqualTo(Route.PHONE_SCHOOL);
        assertThat(Outcome.WARN.checkRoute(null, "x")).isNull();
        assertThatThrownBy(() -> Outcome.REDIRECT.checkRoute(null, "clause 4.2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("clause 4.2: REDIRECT needs a route");
        assertThatThrownBy(() -> Outcome.BLOCK.checkRoute(Route.PRIVATE_CHAT, "decision m-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("decision m-1: BLOCK takes no route (only REDIRECT has one)");
        assertThatThrownBy(() -> new ClauseMatch("4.2", Outcome.WARN, Route.PHONE_SCHOOL, List.of(), List.of()))
                .hasMessageStartingWith("clause 4.2: ");
        assertThatThrownBy(() -> new Reason("4.2", Outcome.REDIRECT, null, "", List.of(), List.of(), false))
                .hasMessageStartingWith("clause 4.2: ");
        assertThatThrownBy(() -> new Decision("m-1", Outcome.ALLOW, Route.PRIVATE_CHAT, List.of(), List.of()))
                .hasMessageStartingWith("decision m-1: ");
    }
}
