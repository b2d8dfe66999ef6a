package dev.hallpass.semantic;

import dev.hallpass.PolicyException;

/** The semantic tier could not load or run its model. */
public final class SemanticException extends PolicyException {
    private static final long serialVersionUID = 1L;

    SemanticException(String message) {
        super(message);
    }

    SemanticException(String message, Throwable cause) {
        super(message, cause);
    }
}
