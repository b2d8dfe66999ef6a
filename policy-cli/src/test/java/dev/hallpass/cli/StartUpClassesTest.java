package dev.hallpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * What keeps the CLI's start-up fast and is easy to undo by accident (README, "Performance"): the
 * picocli on the class path is policy-picocli's build for Java 17, not the released Java 5 jar,
 * whose classes class-data sharing cannot archive and the old verifier checks on every start.
 */
final class StartUpClassesTest {
    private static final int JAVA_17 = 61;

    @Test
    void the_picocli_on_the_class_path_is_compiled_for_java_17() throws IOException {
        assertThat(majorVersion(picocli.CommandLine.class)).isGreaterThanOrEqualTo(JAVA_17);
        assertThat(majorVersion(picocli.CommandLine.Model.CommandSpec.class)).isGreaterThanOrEqualTo(JAVA_17);
    }

    @Test
    void the_picocli_on_the_class_path_is_not_the_released_jar() {
        String from = picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(from).doesNotContain("info/picocli").contains("policy-picocli");
    }

    private static int majorVersion(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
