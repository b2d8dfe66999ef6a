package dev.hallpass.engine;

/**
 * A compiled rule: its name, the clause it cites, the file it came from.
 *
 * @param rule the rule's name
 * @param clause its {@code @clause}
 * @param file the rule file's name
 */
public record RuleRef(String rule, String clause, String file) {}
