package io.serfnode.agent.api.command;

import io.serfnode.agent.api.CommandProgress;
import io.serfnode.agent.serf.rpc.QueryCallback;
import io.serfnode.agent.serf.rpc.QueryRecord;
import io.serfnode.agent.serf.rpc.QueryRequest;
import io.serfnode.agent.serf.rpc.SerfLimitExceededException;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Payload;
import io.serfnode.model.command.QueryAnswers;
import io.serfnode.model.command.QueryResponse;
import io.serfnode.model.command.SendQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Sends an operator's query and hands on each acknowledgement and answer as it arrives. */
final class QuerySender {
    private final Supplier<SerfRpc> rpc;
    private final CommandServiceConfig config;
    private final ComponentLog log;

    QuerySender(Supplier<SerfRpc> rpc, CommandServiceConfig config, ComponentLog log) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
    }

    Outcome send(String id, SendQuery query, Consumer<CommandProgress> progress) throws InterruptedException {
        SerfRpc serf = rpc.get();
        QueryRequest request = new QueryRequest(query.name(), query.payload().bytes(), query.filterNodes(),
                query.filterTags(), query.requestAck(), 0, query.timeout() == null ? Duration.ZERO : query.timeout());
        try {
            serf.config().limits().checkQuery(request, serf.localNodeName());
        } catch (SerfLimitExceededException tooLarge) {
            return Outcome.rejected("query '" + query.name() + "' is too large for serf: " + tooLarge.getMessage()
                    + "; shorten its payload or filters");
        }
        Collector collector = new Collector(id, progress);
        try {
            serf.query(request, collector);
        } catch (RuntimeException e) {
            return Outcome.failed("serf did not send query '" + query.name() + "': " + e.getMessage());
        }
        Duration wait = query.timeout() == null ? config.defaultQueryWait() : query.timeout().plus(config.queryGrace());
        try {
            collector.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("serf did not end query '%s' within %d ms; answering with what it collected", query.name(),
                    wait.toMillis());
            collector.stop();
        } catch (ExecutionException e) {
            return Outcome.failed("query '" + query.name() + "' broke off after " + collector.responses().size()
                    + " answer(s): " + e.getCause().getMessage());
        }
        return Outcome.ok(new QueryAnswers(collector.acks(), collector.responses()));
    }

    /** Gathers one query's records on its dispatcher thread and passes each on at once. */
    private final class Collector extends QueryCallback {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final String id;
        private final Consumer<CommandProgress> progress;
        private final List<String> acks = new ArrayList<>();
        private final List<QueryResponse> responses = new ArrayList<>();

        Collector(String id, Consumer<CommandProgress> progress) {
            this.id = id;
            this.progress = progress;
        }

        @Override
        public void onNext(QueryRecord record) {
            switch (record) {
                case QueryRecord.Ack ack -> {
                    synchronized (this) {
                        acks.add(ack.from());
                    }
                    tell(new CommandProgress.QueryAck(id, ack.from()));
                }
                case QueryRecord.Response response -> {
                    Payload payload = response.payload() == null ? Payload.EMPTY : Payload.of(response.payload());
                    synchronized (this) {
                        responses.add(new QueryResponse(response.from(), payload));
                    }
                    tell(new CommandProgress.QueryResponse(id, response.from(), payload));
                }
                case QueryRecord.Done finished -> done.complete(null);
            }
        }

        @Override
        protected void brokenOff(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        protected void ended() {
            done.complete(null);
        }

        synchronized List<String> acks() {
            return List.copyOf(acks);
        }

        synchronized List<QueryResponse> responses() {
            return List.copyOf(responses);
        }

        private void tell(CommandProgress step) {
            try {
                progress.accept(step);
            } catch (RuntimeException e) {
                log.warn(e, "the progress listener of command %s failed on %s", id, step);
            }
        }
    }
}
