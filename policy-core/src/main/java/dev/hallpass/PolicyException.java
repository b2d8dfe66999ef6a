package dev.hallpass;

/**
 * The root of every exception Hallpass throws. Its subtypes keep bad input ({@link
 * InvalidMessageException}, {@link InvalidProfileException}) apart from a rule set that fails to
 * load ({@link RuleLoadException}). Messages never contain message text or children's names.
 */
public class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, free of personal data */
    public PolicyException(String message) {
        super(message);
    }

    /** @param message what went wrong, free of personal data; @param cause the underlying failure */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
