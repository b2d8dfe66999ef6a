package dev.hallpass;

/** A proposed message is missing a required field or has a wrong value; {@link #field()} names it. */
public final class InvalidMessageException extends PolicyException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    /**
     * @param field the field path, as in the contract ({@code sender.role}, {@code attachments[1].type})
     * @param problem what is wrong with it ({@code missing}); never the field's value
     */
    public InvalidMessageException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field path, as in contract §2. */
    public String field() {
        return field;
    }

    /** What is wrong with the field, without its value. */
    public String problem() {
        return problem;
    }
}
