package io.serfnode.agent.api.ws;

import io.serfnode.agent.api.CommandProgress;
import io.serfnode.agent.api.CommandRequest;
import io.serfnode.agent.api.journal.JournalCallback;
import io.serfnode.agent.api.journal.JournalStart;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.Progress;
import io.serfnode.model.command.QueryAckProgress;
import io.serfnode.model.command.QueryResponseProgress;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.ClientMessage;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ErrorCode;
import io.serfnode.model.wire.ErrorMessage;
import io.serfnode.model.wire.Peer;
import io.serfnode.model.wire.ProgressMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.WelcomeMessage;
import io.serfnode.model.wire.WireFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client connection through its life: authentication first, then the welcome, a subscription to the
 * event stream when the client resumes, and commands at any time after the welcome. Messages arrive one at
 * a time; replies and events go out through the session's {@link Outbox}.
 */
final class ApiSession implements Outbox.Owner {

    private enum State { AWAITING_AUTH, REFUSED, AUTHENTICATED, CLOSED }

    private final ApiContext context;
    private final ClientConnection connection;
    private final Outbox outbox;
    private final Set<String> runningCommands = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> authDeadline;
    private volatile State state = State.AWAITING_AUTH;
    // the journal calls in with its lock held: guarding these with the session's monitor could deadlock
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicReference<Closeable> subscription = new AtomicReference<>();

    ApiSession(ApiContext context, ClientConnection connection) {
        this.context = context;
        this.connection = connection;
        this.outbox = new Outbox(connection, this, context.codec(), context.eventTexts(), context.senders(),
                context.limits().queueLimit(), context.limits().queueHardLimit(), context.limits().queueGrace(),
                System::nanoTime);
        Duration timeout = context.limits().authTimeout();
        this.authDeadline = context.timers().schedule(this::authTimedOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String remoteAddress() {
        return connection.remoteAddress();
    }

    /** One text frame from the client. Never throws: every problem is answered or logged. */
    void onText(String text) {
        try {
            switch (state) {
                case AWAITING_AUTH -> authenticate(text);
                case AUTHENTICATED -> handle(text);
                case REFUSED, CLOSED -> { }
            }
        } catch (RuntimeException unexpected) {
            context.log().error(unexpected, "handling a message from %s failed", remoteAddress());
            if (state == State.AUTHENTICATED) {
                outbox.reply(ErrorMessage.of(ErrorCode.UNEXPECTED, "the agent could not handle the message: "
                        + unexpected.getClass().getSimpleName(), null));
            }
        }
    }

    /** One binary frame: the protocol is JSON text. */
    void onBinary() {
        switch (state) {
            case AWAITING_AUTH -> refuse("a binary frame instead of auth");
            case AUTHENTICATED -> outbox.reply(ErrorMessage.of(ErrorCode.MALFORMED,
                    "binary frames are not accepted; send each message as a JSON text frame", null));
            case REFUSED, CLOSED -> { }
        }
    }

    /** The connection closed, whoever closed it. */
    void onClosed() {
        state = State.CLOSED;
        authDeadline.cancel(false);
        outbox.close();
        unsubscribe();
    }

    /** The agent is going away. */
    void closeGoingAway() {
        close(CloseCodes.GOING_AWAY, "the agent is shutting down");
    }

    private void authenticate(String text) {
        ClientMessage message;
        try {
            message = context.codec().decodeClient(text);
        } catch (WireFormatException malformed) {
            refuse("a first message that is not a valid auth: " + malformed.getMessage());
            return;
        }
        if (!(message instanceof AuthMessage auth)) {
            refuse("a first message of type " + message.type() + " instead of auth");
            return;
        }
        if (!context.token().matches(auth.token())) {
            refuse("a wrong token");
            return;
        }
        authDeadline.cancel(false);
        state = State.AUTHENTICATED;
        context.log().info("client %s authenticated", remoteAddress());
        outbox.reply(new WelcomeMessage(context.cluster().agentName(), context.journal().streamId(), peers()));
    }

    private void refuse(String why) {
        state = State.REFUSED;
        authDeadline.cancel(false);
        Duration delay = context.throttle().failed(RemoteAddress.host(remoteAddress()));
        context.log().warn("client %s failed to authenticate with %s; closing in %d ms", remoteAddress(), why,
                delay.toMillis());
        context.timers().schedule(() -> close(CloseCodes.POLICY_VIOLATION, "authentication failed"),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void authTimedOut() {
        if (state != State.AWAITING_AUTH) {
            return;
        }
        state = State.REFUSED;
        context.log().warn("client %s did not authenticate within %d ms; closing", remoteAddress(),
                context.limits().authTimeout().toMillis());
        close(CloseCodes.POLICY_VIOLATION, "no auth in time");
    }

    private void handle(String text) {
        ClientMessage message;
        try {
            message = context.codec().decodeClient(text);
        } catch (WireFormatException malformed) {
            outbox.reply(malformed.toErrorMessage());
            return;
        }
        switch (message) {
            case AuthMessage auth -> outbox.reply(ErrorMessage.of(ErrorCode.UNEXPECTED, "already authenticated",
                    null));
            case ResumeMessage resume -> resume(resume);
            case CommandMessage command -> execute(command);
        }
    }

    private List<Peer> peers() {
        List<Peer> peers = new ArrayList<>();
        String self = context.cluster().agentName();
        peers.add(new Peer(self, context.advertisedAddress().get()));
        for (Member member : context.cluster().members()) {
            if (!member.name().equals(self) && member.status() == MemberStatus.ALIVE) {
                member.wsAddress().ifPresent(ws -> peers.add(new Peer(member.name(), ws)));
            }
        }
        return peers;
    }

    // ----------------------------------------------------------------------------------------- events

    private void resume(ResumeMessage resume) {
        if (!subscribed.compareAndSet(false, true)) {
            outbox.reply(ErrorMessage.of(ErrorCode.UNEXPECTED, "already subscribed: send resume once per"
                    + " connection; the agent resynchronises a lagging client by itself", null));
            return;
        }
        if (resume.streamId() != null && resume.streamId().equals(context.journal().streamId())
                && context.journal().resume(resume.fromSeq(), outbox.limit() / 2, new Subscriber())) {
            context.log().debug("client %s resumed after seq %d", remoteAddress(), resume.fromSeq());
            return;
        }
        subscribeWithSnapshot(resume.counters());
    }

    private void subscribeWithSnapshot(Map<String, Long> counters) {
        Outbox.SnapshotSlot slot = outbox.reserveSnapshot();
        JournalStart start = context.journal().subscribe(context.limits().recentEvents(), new Subscriber());
        if (state == State.CLOSED) {
            unsubscribe();
            return;
        }
        outbox.fill(slot, context.snapshots().make(start, counters));
    }

    private void unsubscribe() {
        Closeable current = subscription.getAndSet(null);
        if (current != null) {
            try {
                current.close();
            } catch (IOException impossible) {
                context.log().debug("ending a journal subscription failed: %s", impossible.getMessage());
            }
        }
    }

    private final class Subscriber implements JournalCallback {
        @Override
        public void onStart(Closeable started) {
            subscription.set(started);
        }

        @Override
        public void onNext(SequencedEvent event) {
            outbox.event(event);
        }

        @Override
        public void onComplete() {
            closeGoingAway();
        }
    }

    @Override
    public void onLagged() {
        context.log().warn("client %s reads too slowly: dropped its queued events, a snapshot follows",
                remoteAddress());
        unsubscribe();
    }

    @Override
    public void onLagNoticeSent() {
        if (state == State.AUTHENTICATED) {
            subscribeWithSnapshot(null);
        }
    }

    @Override
    public void onRepliesOverflow() {
        context.log().warn("client %s does not read its replies; closing", remoteAddress());
        close(CloseCodes.TRY_AGAIN_LATER, "too many unread replies");
    }

    @Override
    public void onSendFailed(Throwable failure) {
        context.log().debug("sending to client %s failed: %s", remoteAddress(), failure.toString());
        close(CloseCodes.GOING_AWAY, "sending failed");
    }

    // --------------------------------------------------------------------------------------- commands

    private void execute(CommandMessage command) {
        String id = command.id();
        if (!runningCommands.add(id)) {
            outbox.reply(ErrorMessage.of(ErrorCode.UNEXPECTED, "command id '" + id + "' is still in use by a"
                    + " running command of this connection; use a new id", id));
            return;
        }
        CompletionStage<ResultMessage> result;
        try {
            result = context.commands().execute(new CommandRequest(id, command.command(), remoteAddress()),
                    progress -> onProgress(id, progress));
        } catch (RuntimeException failure) {
            context.log().error(failure, "command %s of client %s failed to start", id, remoteAddress());
            finish(id, ResultMessage.notOk(id, CommandOutcome.FAILED, "the agent failed to run the command: "
                    + failure.getClass().getSimpleName()));
            return;
        }
        result.whenComplete((answer, failure) -> {
            if (failure != null || answer == null) {
                context.log().error(failure, "command %s of client %s ended without a result", id, remoteAddress());
                finish(id, ResultMessage.notOk(id, CommandOutcome.FAILED, "the agent failed to run the command"));
            } else {
                finish(id, answer);
            }
        });
    }

    private void onProgress(String id, CommandProgress progress) {
        if (runningCommands.contains(id)) {
            outbox.reply(new ProgressMessage(id, wireProgress(progress)));
        }
    }

    private void finish(String id, ResultMessage result) {
        runningCommands.remove(id);
        outbox.reply(result);
    }

    private static Progress wireProgress(CommandProgress progress) {
        return switch (progress) {
            case CommandProgress.QueryAck ack -> new QueryAckProgress(ack.from());
            case CommandProgress.QueryResponse response -> new QueryResponseProgress(response.from(),
                    response.payload());
            case CommandProgress.Step step -> new StepProgress(step.step(), step.detail());
        };
    }

    private void close(int code, String reason) {
        state = State.CLOSED;
        connection.close(code, reason);
    }
}
