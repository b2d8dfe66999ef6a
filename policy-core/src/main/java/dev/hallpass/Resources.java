package dev.hallpass;

import java.io.IOException;

/**
 * The one way Hallpass reads what {@code policy-rules} ships on the class path (the built-in
 * profile, clause catalogue and rule files), so that a missing or unreadable resource is reported
 * the same way everywhere.
 */
final class Resources {
    private Resources() {}

    /**
     * The UTF-8 text of the class path resource {@code name}, found with Hallpass's own class
     * loader.
     *
     * @param name the resource's path ({@code hallpass/clauses.yaml})
     * @param what what it is, for the error ({@code clause catalogue})
     * @throws PolicyException naming the resource when it is not on the class path or cannot be read
     */
    static String text(String name, String what) {
        try {
            return dev.hallpass.yaml.Yaml.classPathText(name).orElseThrow(() ->
                    new PolicyException(what + " " + name + " not found: is policy-rules on the class path?"));
        } catch (IOException e) {
            throw new PolicyException(what + " " + name + " cannot be read", e);
        }
    }
}
