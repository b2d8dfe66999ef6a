package dev.hallpass;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hallpass.fixtures.Engines;
import dev.hallpass.fixtures.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A folder of hostile rule files, each trying something different (exit the JVM, run a program,
 * write a file, reflect, start a thread, loop, hide code after a real insert or in a unicode
 * escape, use eval/from/accumulate/salience/metadata expressions, functions, globals, imports,
 * declared types, MVEL). Every one is refused with its file and line, and none of them runs.
 */
final class MaliciousRulesTest {
    private static final Path FOLDER = Path.of("src/test/resources/malicious");

    @BeforeAll
    static void no_marker_files_to_start_with() throws IOException {
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            for (Path m : markers.filter(p -> p.getFileName().toString().startsWith("hallpass-pwned-")).toList()) {
                Files.delete(m);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_rule_file_is_refused_with_its_file_and_line() throws IOException {
        return dev.hallpass.fixtures.HostileFiles.eachRefusedWithFileAndLine(FOLDER);
    }

    @Test
    void the_whole_folder_as_a_rules_directory_is_refused_and_nothing_in_it_runs() throws IOException {
        assertThatThrownBy(() -> PolicyEngine.builder().rulesDirectory(FOLDER).build()).isInstanceOf(RuleLoadException.class);
        // Had anything compiled and run, a marker file would exist (or the JVM would have exited).
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            assertThat(markers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hallpass-pwned-"))).isEmpty();
        }
    }

    @Test
    void the_built_in_rules_pass_the_same_guard() {
        Decision d = PolicyEngine.builder().build().evaluate(Messages.message(Channel.CLASS_CHAT, Role.HLTA, "Cover today"));
        assertThat(d.cites("4.4")).isTrue();
    }

    @Test
    void a_well_behaved_school_rule_passes_the_guard_and_fires_where_it_should_and_nowhere_else() {
        String drl = """
                package dev.hallpass.rules;

                import dev.hallpass.facts.Channel;
                import dev.hallpass.facts.Role;
                import dev.hallpass.facts.Obligation;
                import dev.hallpass.facts.*;

                rule "4.1 a parent's attachment in class chat after six is reviewed"
                    @clause("4.1")
                when
                    $m : Message( channel == Channel.CLASS_CHAT, role == Role.PARENT, localTime.hour >= 18, attachmentCount > 0 )
                    not Finding( kind == FindingKind.CHILD_NAME )
                then
                    insert(ClauseMatch.warn("4.1").with(Obligation.LEADERSHIP_REVIEW));
                end
                """;
        PolicyEngine engine = PolicyEngine.builder().rule("school-evening.drl", drl).build();
        List<Attachment> form = List.of(new Attachment(AttachmentType.DOCUMENT, "trip-form.pdf"));
        Instant evening = Messages.at(2026, 11, 24, 19, 30);
        ProposedMessage fires = evening(Channel.CLASS_CHAT, Role.PARENT, "Here is the trip form", form, evening);

        assertThat(Engines.defaults().evaluate(fires).cites("4.1")).as("the built-in rules alone").isFalse();
        Decision d = engine.evaluate(fires);
        assertThat(d.reason("4.1")).hasValueSatisfying(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.WARN);
            assertThat(r.obligations()).containsExactly(Obligation.LEADERSHIP_REVIEW);
        });
        assertThat(d.obligations()).contains(Obligation.LEADERSHIP_REVIEW);

        // Each condition of the rule broken in turn: it stays silent.
        assertThat(engine.evaluate(evening(Channel.CLASS_CHAT, Role.PARENT, "Here is the trip form", form,
                Messages.at(2026, 11, 24, 17, 30))).cites("4.1")).as("before six").isFalse();
        assertThat(engine.evaluate(evening(Channel.CLASS_CHAT, Role.PARENT, "Here is the trip form", List.of(), evening))
                .cites("4.1")).as("no attachment").isFalse();
        assertThat(engine.evaluate(evening(Channel.PRIVATE_CHAT, Role.PARENT, "Here is the trip form", form, evening))
                .cites("4.1")).as("private chat").isFalse();
        assertThat(engine.evaluate(evening(Channel.CLASS_CHAT, Role.TEACHER, "Here is the trip form", form, evening))
                .cites("4.1")).as("a teacher").isFalse();
        assertThat(engine.evaluate(evening(Channel.CLASS_CHAT, Role.PARENT, "Here is Amelia's trip form", form, evening))
                .cites("4.1")).as("a child named").isFalse();
    }

    private static ProposedMessage evening(Channel channel, Role role, String text, List<Attachment> attachments, Instant at) {
        return new ProposedMessage("m-1", channel, new Sender("s-1", role), "oak", text, attachments, at);
    }
}
