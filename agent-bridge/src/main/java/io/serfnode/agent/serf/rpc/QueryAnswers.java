package io.serfnode.agent.serf.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answers one query collected.
 *
 * @param readable   each responder's decoded answer
 * @param unreadable each responder whose answer could not be decoded, with why
 * @param brokenOff  why the query's stream broke before serf ended it; {@code null} when it did not
 */
public record QueryAnswers<T>(Map<String, T> readable, Map<String, RuntimeException> unreadable,
                              Throwable brokenOff) {
    public QueryAnswers {
        readable = Map.copyOf(readable);
        unreadable = Map.copyOf(unreadable);
    }

    /** Whether {@code member} answered at all, readable or not. */
    public boolean answered(String member) {
        return readable.containsKey(member) || unreadable.containsKey(member);
    }

    public Optional<T> answerOf(String member) {
        return Optional.ofNullable(readable.get(member));
    }

    /** {@code member}'s answer: its decoded value, the reason it was unreadable, or {@code null}. */
    public Object outcomeOf(String member) {
        Objects.requireNonNull(member, "member");
        T answer = readable.get(member);
        return answer != null ? answer : unreadable.get(member);
    }
}
