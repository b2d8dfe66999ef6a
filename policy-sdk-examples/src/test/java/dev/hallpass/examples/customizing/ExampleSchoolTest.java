package dev.hallpass.examples.customizing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.cli.PolicyCli;
import dev.hallpass.testkit.PolicyProperties;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The worked example school of docs/customizing.md: its check is clean, its cases pass, its promises hold. */
final class ExampleSchoolTest {
    private static final String SCHOOL = "school-example";

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PolicyCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void check_is_clean() {
        String[] r = run("check", "--profile", SCHOOL + "/profile.yaml", "--rules", SCHOOL + "/rules");
        assertThat(r[1]).startsWith("ok:");
        assertThat(r[0]).isEqualTo("0");
    }

    @Test
    void every_case_passes_and_every_clause_is_exercised_by_some_case_or_listed() {
        String[] r = run("test", "--coverage", "--profile", SCHOOL + "/profile.yaml", "--rules", SCHOOL + "/rules", SCHOOL + "/cases.jsonl");
        assertThat(r[1]).as(r[1]).endsWith("8 passed, 0 failed\n").contains("coverage: no case exercised");
        assertThat(r[0]).isEqualTo("0");
    }

    @TestFactory
    Stream<DynamicTest> the_school_keeps_every_promise_of_the_policy() {
        return PolicyProperties.forSchool(Path.of(SCHOOL, "profile.yaml"), Path.of(SCHOOL, "rules")).withExamples(150).tests();
    }
}
