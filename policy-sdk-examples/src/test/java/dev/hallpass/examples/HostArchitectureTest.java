package dev.hallpass.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The CLI, the test kit and the examples are hosts like any other: they use the API packages
 * (dev.hallpass, dev.hallpass.facts, dev.hallpass.json) and nothing inside the engine (issue 13).
 */
@AnalyzeClasses(packages = {"dev.hallpass.cli", "dev.hallpass.testkit", "dev.hallpass.examples"},
        importOptions = ImportOption.DoNotIncludeTests.class)
final class HostArchitectureTest {
    @ArchTest
    static final ArchRule hosts_use_only_the_api = noClasses()
            .that().resideInAnyPackage("dev.hallpass.cli..", "dev.hallpass.testkit..", "dev.hallpass.examples..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hallpass.engine..", "dev.hallpass.detect..", "org.kie..", "org.drools..")
            .because("what the CLI, the test kit and the examples need, every host needs: it belongs in the API");
}
