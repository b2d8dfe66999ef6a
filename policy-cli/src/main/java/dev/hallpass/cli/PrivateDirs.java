package dev.hallpass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The checks before the CLI loads native code or a model from its cache folder: the path is no
 * symbolic link, belongs to the user running the CLI and nobody else can write it (on systems
 * without POSIX permissions, only the first).
 */
final class PrivateDirs {
    private PrivateDirs() {}

    /** True when {@code p} is no symbolic link, is the user's own and is writable by nobody else. */
    static boolean isPrivate(Path p) {
        try {
            if (Files.isSymbolicLink(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                return true;
            }
            Set<PosixFilePermission> perms = a.permissions();
            return a.owner().getName().equals(System.getProperty("user.name"))
                    && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
