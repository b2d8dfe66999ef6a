package dev.hallpass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether stdin was closed when the JVM started ({@code ./policy evaluate <&-}). The JVM then
 * opens its own files with the lowest free descriptor, 0, and {@code System.in} would read the
 * JDK's class library ({@code lib/modules}) or a jar as if it were messages. On Linux, descriptor
 * 0 is looked up in {@code /proc/self/fd}: when it is a file of the Java runtime itself, a class
 * path entry or a class-data archive, stdin was closed. Elsewhere this says false (the launcher
 * script reopens a closed stdin on {@code /dev/null} itself).
 */
final class ClosedStdin {
    private ClosedStdin() {}

    static boolean wasClosedAtStart() {
        Path fd0 = Path.of("/proc/self/fd/0");
        Path target;
        try {
            target = Files.readSymbolicLink(fd0);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
        return isJvmOwnFile(target, System.getProperty("java.home"), System.getProperty("java.class.path"));
    }

    /** True when {@code target} is under {@code javaHome}, a class path entry, or a class-data archive. */
    static boolean isJvmOwnFile(Path target, String javaHome, String classPath) {
        Path t = real(target);
        if (javaHome != null && !javaHome.isBlank() && t.startsWith(real(Path.of(javaHome)))) {
            return true;
        }
        if (t.getFileName() != null && t.getFileName().toString().endsWith(".jsa")) {
            return true;
        }
        if (classPath != null) {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank() && t.equals(real(Path.of(entry)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
