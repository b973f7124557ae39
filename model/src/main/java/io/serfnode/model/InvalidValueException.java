package io.serfnode.model;

/**
 * A model value was built with a field that breaks its contract. Names the field so a decoder can point
 * a peer at the exact place in its message.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidValueException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The JSON name of the offending field. */
    public String field() {
        return field;
    }

    /** What is wrong with it, in plain words. */
    public String problem() {
        return problem;
    }
}
