package dev.hallpass.examples.testkit;

import dev.hallpass.testkit.PolicyProperties;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** What a school's IT person writes: every promise of the policy, checked for their own profile and rules. */
final class RiversidePolicyTest {
    @TestFactory
    Stream<DynamicTest> riverside_keeps_every_promise_of_the_policy() {
        return PolicyProperties.forSchool(Path.of("src/test/resources/riverside/profile.yaml"),
                Path.of("src/test/resources/riverside/rules")).tests();
    }
}
