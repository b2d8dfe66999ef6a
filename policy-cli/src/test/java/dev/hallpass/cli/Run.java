package dev.hallpass.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI ({@link PolicyCli#run}): its exit code, stdout and stderr. */
record Run(int code, String out, String err) {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** stdout's lines as JSON, blank lines left out. */
    java.util.List<com.fasterxml.jackson.databind.JsonNode> lines() throws java.io.IOException {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> nodes = new java.util.ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                nodes.add(JSON.readTree(l));
            }
        }
        return nodes;
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PolicyCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@link #run} with {@code stdin} as standard input (tests that use it run one at a time in this JVM). */
    static Run runWithStdin(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
    }
}
