package io.serfnode.agent.api.ws;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.agent.api.CommandService;
import io.serfnode.agent.api.journal.EventJournal;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.wire.WireCodec;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** What every client session of one server shares. */
record ApiContext(
        WsLimits limits,
        TokenCheck token,
        AuthThrottle throttle,
        WireCodec codec,
        EventTexts eventTexts,
        EventJournal journal,
        ClusterAccess cluster,
        CommandService commands,
        SnapshotMaker snapshots,
        Supplier<String> advertisedAddress,
        ScheduledExecutorService timers,
        Executor senders,
        ComponentLog log) {
}
