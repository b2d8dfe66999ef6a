package dev.hallpass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.json.MessageJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole labelled corpus, bad lines, bad profiles, a rule that throws and a rejected reload,
 * with every logger at TRACE (this class runs in a JVM of its own, see the pom): no roster name, no
 * fragment of 12+ characters of any message, no phone number, e-mail or postcode appears in any
 * log line or exception message.
 */
final class LogPrivacyTest {
    private static final Path CORPUS = Path.of("../policy-rules/src/test/resources/corpus");
    private static final Pattern PERSONAL = Pattern.compile(
            "\\+?\\d[\\d ()-]{7,}\\d|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|\\b[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}\\b");

    private static String resource(String name) throws IOException {
        try (var in = LogPrivacyTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void nothing_personal_reaches_a_log_line_or_an_exception_message_at_trace() throws Exception {
        // Runs in the pom's own "log-privacy" execution, which sets TRACE and the log file.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("hallpass.trace.log") != null,
                "run by the log-privacy execution of policy-cli's surefire");
        assertThat(org.slf4j.LoggerFactory.getLogger(PolicyEngine.class).isTraceEnabled()).as("this test needs TRACE").isTrue();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        List<String> texts = new ArrayList<>();
        List<String> exceptionMessages = new ArrayList<>();
        byte[] key = "a key of at least sixteen bytes!".getBytes(StandardCharsets.UTF_8);
        PolicyEngine engine = PolicyEngine.builder().textHashKey(key).listener(DecisionLog.toSlf4j(key)).build();
        PolicyEngine throwing = PolicyEngine.builder().trustedRule("school-throws.drl", """
                package dev.hallpass.rules;
                import dev.hallpass.facts.*;
                rule "throws" @clause("4.4")
                when
                    $m : Message()
                then
                    insert(ClauseMatch.block($m.classId().substring(99)));
                end
                """).build();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            var message = dev.hallpass.json.PolicyCase.parse(line).message();
            texts.add(message.text());
            engine.evaluate(message);
            throwing.evaluate(message);
            // The same message as a broken line: the error must not quote it.
            String broken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("message").toString().replace("\"sentAt\"", "\"sentAtt\"");
            try {
                MessageJson.parse(broken);
            } catch (InvalidMessageException e) {
                exceptionMessages.add(e.getMessage());
            }
            try {
                MessageJson.parse(broken.substring(0, broken.length() / 2));
            } catch (InvalidMessageException e) {
                exceptionMessages.add(e.getMessage());
            }
        }
        try {
            SchoolProfile.parse("school: Amelia Khan's school\ntimezone: Europe/London\ncontacts: {schoolOffice: {phone: \"07700 900123\"}}\n", "p.yaml");
        } catch (InvalidProfileException e) {
            exceptionMessages.add(e.getMessage());
        }
        try (ReloadingPolicyEngine reloading = ReloadingPolicyEngine.of(new java.util.function.Supplier<>() {
            private int calls;

            @Override
            public PolicyEngine get() {
                return calls++ == 0 ? PolicyEngine.builder().build()
                        : PolicyEngine.builder().rule("broken.drl", "package x;\nrule \"r\" @clause(\"4.4\") when Message( role == ) then end").build();
            }
        }, new ReloadingPolicyEngine.Listener() { })) {
            reloading.reload().get(60, TimeUnit.SECONDS);
        }

        String log = Files.readString(Path.of(System.getProperty("hallpass.trace.log")), StandardCharsets.UTF_8);
        assertThat(log).as("the log should have been written at TRACE").isNotEmpty();
        List<String> everything = new ArrayList<>(exceptionMessages);
        everything.add(log);

        Set<String> names = new HashSet<>();
        SchoolProfile.builtIn().classes().forEach(c -> c.children().forEach(ch -> {
            names.add(ch.name());
            names.addAll(List.of(ch.name().split(" ")));
            names.addAll(ch.aliases());
        }));
        // Words of the policy itself (rule names, clause titles, word lists) are not personal data:
        // Drools logs rule names at TRACE, and a message may share "to the office" with one.
        StringBuilder vocabulary = new StringBuilder();
        for (String resource : PolicyEngine.builtInRuleNames()) {
            // Drools quotes rule names its own way ("… class story active=false"): unquote them.
            String drl = resource(PolicyEngine.BUILT_IN_RULES + resource);
            vocabulary.append(drl.replace('"', ' '));
            Matcher rule = Pattern.compile("rule \"([^\"]+)\"").matcher(drl);
            while (rule.find()) {
                vocabulary.append(' ').append(rule.group(1)).append(" active=false ");
            }
        }
        vocabulary.append(resource("hallpass/clauses.yaml")).append(resource("hallpass/lexicon.yaml"));
        String policyWords = vocabulary.toString();
        Set<String> fragments = new HashSet<>();
        List<String> personal = new ArrayList<>();
        for (String t : texts) {
            for (int i = 0; i + 12 <= t.length(); i++) {
                String f = t.substring(i, i + 12);
                if (!policyWords.contains(f)) {
                    fragments.add(f);
                }
            }
            Matcher m = PERSONAL.matcher(t);
            while (m.find()) {
                personal.add(m.group());
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String s : everything) {
            for (String name : names) {
                if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(s).find()) {
                    leaks.add("name " + name);
                }
            }
            for (int i = 0; i + 12 <= s.length(); i++) {
                if (fragments.contains(s.substring(i, i + 12))) {
                    leaks.add("text fragment \"" + s.substring(i, i + 12) + "\"");
                }
            }
            for (String p : personal) {
                if (s.contains(p)) {
                    leaks.add("personal data " + p);
                }
            }
        }
        System.out.printf("log privacy: %d messages, %d log characters, %d exception messages, %d personal items looked for, %d leaks%n",
                texts.size(), log.length(), exceptionMessages.size(), personal.size() + names.size(), leaks.size());
        assertThat(leaks).isEmpty();
    }
}
