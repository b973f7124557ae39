package io.serfnode.agent.serf.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class QueryAskerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Serf's {@code query} command only: each query is answered by {@code answers}, on the caller's thread. */
    private static final class SerfQueries {
        final List<QueryRequest> asked = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();
        volatile BiConsumer<Integer, StreamCallback<QueryRecord>> answers = (round, callback) -> { };
        volatile RuntimeException refuse;

        SerfRpc rpc() {
            return (SerfRpc) Proxy.newProxyInstance(SerfRpc.class.getClassLoader(), new Class<?>[] {SerfRpc.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("query")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        if (refuse != null) {
                            throw refuse;
                        }
                        asked.add((QueryRequest) args[0]);
                        @SuppressWarnings("unchecked")
                        StreamCallback<QueryRecord> callback = (StreamCallback<QueryRecord>) args[1];
                        callback.onStart(closed::incrementAndGet);
                        answers.accept(asked.size(), callback);
                        return null;
                    });
        }
    }

    private final SerfQueries serf = new SerfQueries();
    private final QueryAsker<String> asker = new QueryAsker<>(serf::rpc, "test.query", QueryAskerTest::decode,
            Duration.ofMillis(200), ComponentLog.of("test", "query"));

    private static String decode(String responder, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (text.startsWith("!")) {
            throw new IllegalArgumentException("answer of " + responder + " starts with '!'");
        }
        return text;
    }

    private static QueryRecord answer(String from, String text) {
        return new QueryRecord.Response(from, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void endsTheRoundAsSoonAsEveryAwaitedMemberAnsweredAndStopsTheQuery() {
        serf.answers = (round, callback) -> {
            callback.onNext(new QueryRecord.Ack("a"));
            callback.onNext(answer("a", "one"));
            callback.onNext(answer("a", "again"));
            callback.onNext(answer("b", "two"));
        };

        QueryAnswers<String> answers = asker.ask(new byte[] {1}, List.of(), Set.of("a", "b"), TIMEOUT)
                .orTimeout(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();

        assertThat(answers.readable()).containsEntry("a", "one").containsEntry("b", "two").hasSize(2);
        assertThat(answers.brokenOff()).isNull();
        assertThat(serf.closed).hasValue(1);
        assertThat(serf.asked.getFirst().timeout()).isEqualTo(TIMEOUT);
    }

    @Test
    void keepsAnUnreadableAnswerApartWithTheReason() {
        serf.answers = (round, callback) -> {
            callback.onNext(answer("a", "!bad"));
            callback.onComplete();
        };

        QueryAnswers<String> answers = asker.ask(new byte[] {1}, List.of("a"), Set.of("a"), TIMEOUT).join();

        assertThat(answers.readable()).isEmpty();
        assertThat(answers.answered("a")).isTrue();
        assertThat(answers.unreadable().get("a")).hasMessage("answer of a starts with '!'");
        assertThat(answers.outcomeOf("a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(serf.closed).hasValue(0);
    }

    @Test
    void asksASilentMemberAgainUntilItAnswers() {
        serf.answers = (round, callback) -> {
            if (round == 3) {
                callback.onNext(answer("a", "at last"));
            }
            callback.onComplete();
        };

        QueryAnswers<String> answers = asker.askUntilAnswered("a", new byte[] {1}, TIMEOUT, 5).join();

        assertThat(answers.answerOf("a")).contains("at last");
        assertThat(serf.asked).hasSize(3).allSatisfy(request -> assertThat(request.filterNodes()).containsExactly("a"));
    }

    @Test
    void givesUpOnASilentMemberAfterTheLastAttempt() {
        serf.answers = (round, callback) -> callback.onComplete();

        QueryAnswers<String> answers = asker.askUntilAnswered("a", new byte[] {1}, TIMEOUT, 2).join();

        assertThat(answers.answered("a")).isFalse();
        assertThat(serf.asked).hasSize(2);
    }

    @Test
    void endsWithWhatItCollectedWhenSerfNeverEndsTheQuery() {
        serf.answers = (round, callback) -> callback.onNext(answer("a", "one"));

        QueryAnswers<String> answers = asker.ask(new byte[] {1}, List.of(), Set.of("a", "b"),
                Duration.ofMillis(100)).orTimeout(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();

        assertThat(answers.readable()).containsOnlyKeys("a");
        assertThat(serf.closed).hasValue(1);
    }

    @Test
    void saysWhenTheStreamBrokeOffAndKeepsWhatCameBefore() {
        serf.answers = (round, callback) -> {
            callback.onNext(answer("a", "one"));
            callback.onError(new SerfConnectionLostException("the agent closed the connection", null));
        };

        QueryAnswers<String> answers = asker.ask(new byte[] {1}, List.of(), Set.of("a", "b"), TIMEOUT).join();

        assertThat(answers.readable()).containsOnlyKeys("a");
        assertThat(answers.brokenOff()).hasMessageContaining("closed the connection");
    }

    @Test
    void failsWhenTheQueryCannotBeSent() {
        serf.refuse = new SerfRpcException("not connected", null);

        assertThat(asker.ask(new byte[] {1}, List.of(), Set.of(), TIMEOUT))
                .failsWithin(WAIT).withThrowableThat().havingCause().withMessage("not connected");
    }
}
