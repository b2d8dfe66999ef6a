package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hosts see only Hallpass types: no Drools, KIE or Jackson type in any public or protected
 * signature of a public class of policy-core (return and parameter types, generic arguments,
 * thrown types, fields, supertypes). The same check as {@code javap -public} over the classes,
 * run as a test so that it stays true.
 */
final class PublicApiTest {
    private static final List<String> LIBRARIES = List.of("org.kie.", "org.drools.", "com.fasterxml.");

    @Test
    void no_public_signature_mentions_drools_kie_or_jackson() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> checked = new ArrayList<>();
        for (Class<?> c : mainClasses()) {
            if (!isVisible(c)) {
                continue;
            }
            checked.add(c);
            check(leaks, c.getName() + " extends", c.getGenericSuperclass());
            for (Type t : c.getGenericInterfaces()) {
                check(leaks, c.getName() + " implements", t);
            }
            for (Field f : c.getDeclaredFields()) {
                if (isExposed(f.getModifiers())) {
                    check(leaks, c.getName() + "." + f.getName(), f.getGenericType());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isExposed(m.getModifiers()) && !m.isSynthetic()) {
                    check(leaks, c.getName() + "." + m.getName() + "(..) returns", m.getGenericReturnType());
                    checkExecutable(leaks, c.getName() + "." + m.getName(), m);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (isExposed(k.getModifiers()) && !k.isSynthetic()) {
                    checkExecutable(leaks, c.getName() + ".<init>", k);
                }
            }
        }
        assertThat(checked).as("a rule that matches nothing is a failure").hasSizeGreaterThan(20)
                .contains(PolicyEngine.class, dev.hallpass.json.DecisionJson.class, dev.hallpass.json.MessageJson.class);
        assertThat(leaks).as("library types in the public API").isEmpty();
    }

    private static void checkExecutable(List<String> leaks, String where, Executable e) {
        for (Type p : e.getGenericParameterTypes()) {
            check(leaks, where + "(..) takes", p);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(leaks, where + "(..) throws", x);
        }
    }

    private static void check(List<String> leaks, String where, Type type) {
        if (type == null) {
            return;
        }
        String name = type.getTypeName();
        for (String library : LIBRARIES) {
            if (name.contains(library)) {
                leaks.add(where + " " + name);
            }
        }
    }

    /** Public, and public all the way out for a nested class. */
    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    private static boolean isExposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Class<?>> mainClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of(PolicyEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                out.add(Class.forName(name, false, PublicApiTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
