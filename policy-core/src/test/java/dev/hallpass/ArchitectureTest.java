package dev.hallpass;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The house style's architecture, as rules (issue 13). Data flows one way: the fact model at the
 * bottom, recognizers and the Drools glue above it, the API facade on top; no package reaches
 * back up, and hosts see no library type.
 */
@AnalyzeClasses(packages = "dev.hallpass", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {
    private static final String[] LIBRARIES = {"org.kie..", "org.drools..", "com.fasterxml.."};

    /** Each package of policy-core is a slice of its own, the root package included. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("dev.hallpass")
                    ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of dev.hallpass";
        }
    };

    @ArchTest
    static final ArchRule no_package_cycles = slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_fact_model_depends_on_nothing_of_hallpass_above_it = noClasses()
            .that().resideInAPackage("dev.hallpass.facts..")
            .should().dependOnClassesThat(describe("are in another Hallpass package",
                    c -> c.getPackageName().startsWith("dev.hallpass") && !c.getPackageName().startsWith("dev.hallpass.facts")))
            .because("rules and recognizers build on the fact model, never the other way round");

    @ArchTest
    static final ArchRule recognizers_do_not_depend_on_the_engine_or_the_api = noClasses()
            .that().resideInAPackage("dev.hallpass.detect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hallpass", "dev.hallpass.engine..", "dev.hallpass.json..")
            .because("a recognizer reads text and a small configuration, and emits findings");

    @ArchTest
    static final ArchRule the_drools_glue_depends_only_on_the_fact_model = noClasses()
            .that().resideInAPackage("dev.hallpass.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hallpass", "dev.hallpass.detect..", "dev.hallpass.json..")
            .because("the API converts the engine's results; the engine never reaches up to it");

    @ArchTest
    static final ArchRule only_the_engine_and_its_facade_touch_drools = noClasses()
            .that().resideOutsideOfPackages("dev.hallpass.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
            .because("Drools is an implementation detail kept in dev.hallpass.engine");

    @ArchTest
    static final ArchRule public_methods_return_and_take_no_library_types = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaCodeUnit>("have no Drools, KIE or Jackson type in their signature") {
                @Override
                public void check(JavaCodeUnit unit, com.tngtech.archunit.lang.ConditionEvents events) {
                    java.util.List<JavaClass> types = new java.util.ArrayList<>(unit.getRawParameterTypes());
                    types.add(unit.getRawReturnType());
                    types.addAll(unit.getThrowsClause().getTypes());
                    for (JavaClass t : types) {
                        if (resideInAnyPackage(LIBRARIES).test(t)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(unit,
                                    unit.getFullName() + " has " + t.getName() + " in its signature"));
                        }
                    }
                }
            })
            .because("hosts see only Hallpass types");

    @ArchTest
    static final ArchRule public_fields_are_no_library_types = noFields()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .should().haveRawType(resideInAnyPackage(LIBRARIES))
            .because("hosts see only Hallpass types");

    @ArchTest
    static final ArchRule api_exceptions_are_policy_exceptions = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAPackage("dev.hallpass").and().areAssignableTo(RuntimeException.class).and().arePublic()
            .should().beAssignableTo(PolicyException.class)
            .because("one root exception: bad input kept apart from rules that fail to load");

    @ArchTest
    static final ArchRule records_of_the_api_are_final_and_immutable_by_construction = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAnyPackage("dev.hallpass", "dev.hallpass.facts").and().areRecords().and().arePublic()
            .should().haveModifier(JavaModifier.FINAL);
}
