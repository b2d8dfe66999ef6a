package dev.hallpass.bench;

import dev.hallpass.PolicyEngine;

/**
 * School rule files made up for the rule-count benchmark. Each is a rule a school could write and
 * that passes the project's rule guard: it cites the existing clause 4.1 and warns on class-chat
 * messages with one exact number of attachments. Numbers start at 1,000, so none fires on any
 * benchmark input (none has more than one attachment): the rules cost matching, never decisions.
 */
final class GeneratedRules {
    /** The first attachment count a generated rule matches. */
    static final int FIRST_COUNT = 1_000;

    private GeneratedRules() {}

    /** The file name of generated rule {@code k}. */
    static String fileName(int k) {
        return "school-gen-" + k + ".drl";
    }

    /** The text of generated rule {@code k}, matching {@code attachmentCount == FIRST_COUNT + k}. */
    static String drl(int k) {
        return """
                // A generated school rule for the rule-count benchmark (issue 7).
                package dev.hallpass.rules;

                import dev.hallpass.facts.Channel;
                import dev.hallpass.facts.ClauseMatch;
                import dev.hallpass.facts.Message;

                rule "4.1 generated school rule %d"
                    @clause("4.1")
                when
                    Message( channel == Channel.CLASS_CHAT, attachmentCount == %d )
                then
                    insert(ClauseMatch.warn("4.1"));
                end
                """.formatted(k, FIRST_COUNT + k);
    }

    /** The default engine (built-in profile and rules) plus {@code extra} generated rule files. */
    static PolicyEngine engineWith(int extra) {
        PolicyEngine.Builder b = PolicyEngine.builder().semanticTier(false);
        for (int k = 0; k < extra; k++) {
            b.rule(fileName(k), drl(k));
        }
        return b.build();
    }
}
