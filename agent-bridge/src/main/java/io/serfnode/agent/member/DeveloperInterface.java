package io.serfnode.agent.member;

import io.serfnode.agent.devif.DeveloperFiles;
import io.serfnode.agent.devif.DeveloperFilesConfig;
import io.serfnode.agent.devif.DeveloperView;
import io.serfnode.agent.devif.EventHandlers;
import io.serfnode.agent.devif.EventHandlersConfig;
import io.serfnode.agent.devif.HandlerListener;
import io.serfnode.agent.devif.ParentFifo;
import io.serfnode.agent.devif.ParentFifoCallback;
import io.serfnode.agent.devif.ParentFifoConfig;
import io.serfnode.agent.devif.UserEventCheck;
import io.serfnode.agent.serf.rpc.MemberEventType;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.MembershipEvent;
import io.serfnode.model.event.UserEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The member's developer interface, kept up to date: the files in the state directory (rewritten on one
 * owner thread whenever members or children change), the {@code parent} FIFO that turns a child's line into
 * a cluster event, and the {@code handlers/} run for every event.
 */
final class DeveloperInterface implements AutoCloseable {

    /** Where the FIFO's events and rejections go. */
    interface EventSink {
        void trigger(String name, byte[] payload);

        void rejected(String reason, String excerpt, long lineNumber);
    }

    private final ComponentLog log;
    private final DeveloperFiles files;
    private final EventHandlers handlers;
    private final ParentFifoConfig fifoConfig;
    private final ExecutorService owner;
    private DeveloperView view;
    private ParentFifo fifo;

    DeveloperInterface(String self, Path stateDir, Path sharedHostsFile, UserEventCheck eventCheck) {
        this.log = ComponentLog.of(self, "devif");
        DeveloperFilesConfig filesConfig = DeveloperFilesConfig.inStateDir(stateDir);
        this.files = new DeveloperFiles(sharedHostsFile == null ? filesConfig : filesConfig.withSharedHostsFile(sharedHostsFile), log);
        this.handlers = new EventHandlers(EventHandlersConfig.inStateDir(stateDir), self, HandlerListener.NONE,
                ComponentLog.of(self, "handlers"));
        this.fifoConfig = ParentFifoConfig.inStateDir(stateDir).withEventCheck(eventCheck);
        this.view = DeveloperView.empty(self);
        this.owner = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("devif-" + self).factory());
    }

    /** Writes the files once and opens the FIFO. */
    void start(EventSink sink) {
        post(() -> files.write(view));
        fifo = ParentFifo.open(fifoConfig, new ParentFifoCallback() {
            @Override
            public void onEvent(String name, byte[] payload) {
                sink.trigger(name, payload);
            }

            @Override
            public void onRejected(String reason, String excerpt, long lineNumber) {
                sink.rejected(reason, excerpt, lineNumber);
            }

            @Override
            public void onError(Throwable error) {
                log.error(error, "the parent FIFO stopped: %s", error.getMessage());
            }
        }, log);
    }

    void membersChanged(List<Member> members) {
        post(() -> {
            view = view.withMembers(members);
            files.write(view);
        });
    }

    void childrenChanged(List<SupervisedChild> children) {
        post(() -> {
            view = view.withChildren(children);
            files.write(view);
        });
    }

    /** Runs {@code handlers/<member-event>} with the member on stdin, as serf's own handlers get it. */
    void memberEvent(MembershipEvent event) {
        MemberEventType type = switch (event) {
            case MemberJoined joined -> MemberEventType.MEMBER_JOIN;
            case MemberLeft left -> MemberEventType.MEMBER_LEAVE;
            case MemberFailed failed -> MemberEventType.MEMBER_FAILED;
            case MemberUpdated updated -> MemberEventType.MEMBER_UPDATE;
            case MemberReaped reaped -> MemberEventType.MEMBER_REAP;
        };
        handlers.onMemberEvent(type, List.of(event.member()));
    }

    /** Runs {@code handlers/<event-name>} with the payload on stdin. */
    void userEvent(UserEvent event) {
        handlers.onUserEvent(event.name(), event.payload().bytes());
    }

    private void post(Runnable write) {
        try {
            owner.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    log.error(e, "could not update the developer files: %s", e.getMessage());
                }
            });
        } catch (RejectedExecutionException closing) {
            // the member is stopping; the files keep their last state
        }
    }

    @Override
    public void close() {
        if (fifo != null) {
            fifo.close();
        }
        handlers.close();
        owner.shutdown();
    }
}
