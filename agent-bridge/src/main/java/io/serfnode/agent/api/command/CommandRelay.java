package io.serfnode.agent.api.command;

import io.serfnode.agent.serf.rpc.QueryCallback;
import io.serfnode.agent.serf.rpc.QueryRecord;
import io.serfnode.agent.serf.rpc.QueryRequest;
import io.serfnode.agent.serf.rpc.SerfLimitExceededException;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.command.SpawnMember;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Relays a command to the member that must carry it out, with a {@code serfnode.cmd} query filtered to that
 * member, and turns its answer (or its silence) into an outcome.
 *
 * <p>The query asks for serf's acknowledgement, which the member's serf agent sends on receipt, before and
 * apart from any answer. That tells a lost query (nothing came back: sent again, under the same request id so
 * the member acts once) from a member that got the command but did not answer (no Serfnode responder, or a
 * responder that could not answer in time).
 */
final class CommandRelay {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<SerfRpc> rpc;
    private final CommandServiceConfig config;
    private final ComponentLog log;

    CommandRelay(Supplier<SerfRpc> rpc, CommandServiceConfig config, ComponentLog log) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Has {@code member} carry out the command of {@code kind} (on {@code child}, for child commands). */
    Outcome relay(String member, String kind, String child) throws InterruptedException {
        RelayRequest request = new RelayRequest(RelayCodec.VERSION, kind, member, child, newRequestId(),
                config.actionWait().toMillis());
        String what = child == null ? kind : kind + " of child '" + child + "'";
        return switch (exchange(member, request, what)) {
            case Exchange.Answered answered -> Outcome.of(answered.answer().outcome(), answered.answer().message());
            case Exchange.Unanswered unanswered -> unanswered.outcome();
        };
    }

    /** Has {@code spawner} carry out {@code command}; its answer names the members it created. */
    Exchange relaySpawn(String spawner, SpawnMember command) throws InterruptedException {
        RelayRequest request = new RelayRequest(RelayCodec.VERSION, SpawnMember.KIND, spawner, null, newRequestId(),
                config.actionWait().toMillis(), RelaySpawn.of(command));
        return exchange(spawner, request, SpawnMember.KIND);
    }

    /** What came of a relayed command: the acting member's answer, or why there is none. */
    sealed interface Exchange {
        record Answered(RelayAnswer answer) implements Exchange {
        }

        record Unanswered(Outcome outcome) implements Exchange {
        }
    }

    private Exchange exchange(String member, RelayRequest request, String what) throws InterruptedException {
        byte[] payload = RelayCodec.encodeRequest(request);
        for (int attempt = 1; ; attempt++) {
            Attempt result;
            try {
                result = ask(member, payload);
            } catch (SerfLimitExceededException e) {
                return new Exchange.Unanswered(Outcome.rejected("the " + what + " command for member '" + member
                        + "' does not fit in a " + RelayCodec.QUERY_NAME + " query: " + e.getMessage()));
            } catch (RuntimeException e) {
                return new Exchange.Unanswered(Outcome.failed("could not relay " + what + " to member '" + member
                        + "': " + e.getMessage()));
            }
            switch (result) {
                case Attempt.Answered answered -> {
                    return read(member, what, answered.payload());
                }
                case Attempt.Broken broken -> {
                    return new Exchange.Unanswered(Outcome.failed("the relay of " + what + " to member '" + member
                            + "' broke off: " + broken.error().getMessage()));
                }
                case Attempt.AckedOnly acked -> {
                    return new Exchange.Unanswered(Outcome.timeout("member '" + member + "' received the " + what
                            + " command but did not answer within " + config.relayTimeout().toMillis() + " ms; its "
                            + "Serfnode agent may be busy or not running (a plain serf agent acknowledges commands "
                            + "but cannot carry them out)"));
                }
                case Attempt.Silent silent -> {
                    if (attempt >= config.relayAttempts()) {
                        return new Exchange.Unanswered(Outcome.timeout("member '" + member + "' did not answer the "
                                + what + " command within " + config.relayTimeout().toMillis() + " ms (asked "
                                + attempt + (attempt == 1 ? " time)" : " times)")));
                    }
                    log.info("member '%s' did not even acknowledge %s (request %s, attempt %d of %d); asking again",
                            member, what, request.request(), attempt, config.relayAttempts());
                }
            }
        }
    }

    private static Exchange read(String member, String what, byte[] payload) {
        try {
            return new Exchange.Answered(RelayCodec.decodeAnswer(payload));
        } catch (RelayPayloadException e) {
            return new Exchange.Unanswered(Outcome.failed("member '" + member + "' answered the " + what
                    + " command with something this member cannot read: " + e.getMessage()));
        }
    }

    /** One query to {@code member}; what came back before serf ended it. */
    private Attempt ask(String member, byte[] payload) throws InterruptedException {
        QueryRequest query = QueryRequest.of(RelayCodec.QUERY_NAME, payload)
                .withFilterNodes(List.of(member))
                .withRequestAck(true)
                .withTimeout(config.relayTimeout());
        Collector collector = new Collector(member);
        rpc.get().query(query, collector);
        try {
            return collector.result.get(config.relayTimeout().plus(config.queryGrace()).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // serf never ended the query: take what it said so far
            collector.stop();
            return collector.acked ? new Attempt.AckedOnly() : new Attempt.Silent();
        } catch (ExecutionException e) {
            return new Attempt.Broken(e.getCause());
        }
    }

    private static String newRequestId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What one query brought back. */
    private sealed interface Attempt {
        record Answered(byte[] payload) implements Attempt {
        }

        record AckedOnly() implements Attempt {
        }

        record Silent() implements Attempt {
        }

        record Broken(Throwable error) implements Attempt {
        }
    }

    /** Watches one query on its dispatcher thread. */
    private final class Collector extends QueryCallback {
        final CompletableFuture<Attempt> result = new CompletableFuture<>();
        private final String member;
        private volatile boolean acked;

        Collector(String member) {
            this.member = member;
        }

        @Override
        public void onNext(QueryRecord record) {
            switch (record) {
                case QueryRecord.Ack ack when ack.from().equals(member) -> acked = true;
                case QueryRecord.Response response when response.from().equals(member) -> {
                    result.complete(new Attempt.Answered(response.payload()));
                    // the answer is in: no need to sit out the query's timeout
                    stop();
                }
                default -> log.debug("ignoring %s to a %s query meant for %s", record, RelayCodec.QUERY_NAME, member);
            }
        }

        @Override
        protected void brokenOff(Throwable error) {
            result.complete(new Attempt.Broken(error));
        }

        @Override
        protected void ended() {
            result.complete(acked ? new Attempt.AckedOnly() : new Attempt.Silent());
        }
    }
}
