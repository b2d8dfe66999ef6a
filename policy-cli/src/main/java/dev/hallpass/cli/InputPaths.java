package dev.hallpass.cli;

import dev.hallpass.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a path a command was given before anything is loaded, so that a mistake names the path:
 * {@code no such file: x.jsonl}, {@code is a directory: y}. A file need not be a regular file: a
 * named pipe or {@code /dev/stdin} ({@code <(...)} in bash) is read like one.
 */
final class InputPaths {
    private InputPaths() {}

    /** @throws PolicyException {@code no such file: PATH} or {@code is a directory: PATH} */
    static void requireFile(Path path) {
        if (Files.isDirectory(path)) {
            throw new PolicyException("is a directory: " + path);
        }
        if (!Files.exists(path)) {
            throw new PolicyException("no such file: " + path);
        }
    }

    /** @throws PolicyException {@code no such directory: PATH} or {@code not a directory: PATH} */
    static void requireDirectory(Path path) {
        if (Files.isDirectory(path)) {
            return;
        }
        throw new PolicyException((Files.exists(path) ? "not a directory: " : "no such directory: ") + path);
    }

    /** Where a file will be written: @throws PolicyException {@code is a directory: PATH} or {@code no such directory: PARENT} */
    static void requireWritableFile(Path path) {
        if (Files.isDirectory(path)) {
            throw new PolicyException("is a directory: " + path);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new PolicyException("no such directory: " + parent);
        }
    }
}
