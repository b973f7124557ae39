package io.serfnode.model.wire;

import java.util.Optional;

/**
 * A message could not be decoded. The message text says which field, what was expected, what was found
 * and where; it is fit to send back to the peer as is (see {@link #toErrorMessage()}).
 */
public final class WireFormatException extends Exception {
    private final ErrorCode code;
    private final String field;
    private final String problem;
    private final Integer line;
    private final Integer column;
    private final String inReplyTo;

    WireFormatException(ErrorCode code, String field, String problem, Integer line, Integer column,
                        String inReplyTo) {
        super(describe(field, problem, line, column), null, false, false);
        this.code = code;
        this.field = field;
        this.problem = problem;
        this.line = line;
        this.column = column;
        this.inReplyTo = inReplyTo;
    }

    private static String describe(String field, String problem, Integer line, Integer column) {
        StringBuilder text = new StringBuilder();
        if (field != null) {
            text.append("field '").append(field).append("': ");
        }
        text.append(problem);
        if (line != null && column != null) {
            text.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return text.toString();
    }

    public ErrorCode code() {
        return code;
    }

    /** The offending field as a path such as {@code command.count}, when one field is to blame. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What was wrong, without the field and position. */
    public String problem() {
        return problem;
    }

    public Optional<Integer> line() {
        return Optional.ofNullable(line);
    }

    public Optional<Integer> column() {
        return Optional.ofNullable(column);
    }

    /** The id of the command the message carried, when it could be read despite the problem. */
    public Optional<String> inReplyTo() {
        return Optional.ofNullable(inReplyTo);
    }

    /** The {@code error} message that tells the peer about this problem. */
    public ErrorMessage toErrorMessage() {
        return new ErrorMessage(code, getMessage(), field, line, column, inReplyTo);
    }
}
