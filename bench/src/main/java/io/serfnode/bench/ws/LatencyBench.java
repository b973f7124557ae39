package io.serfnode.bench.ws;

import io.serfnode.bench.agent.MachineFacts;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.cluster.ClusterNames;
import io.serfnode.agent.cluster.TransitionCodec;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.serf.rpc.StreamFilter;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.WireCodec;
import java.io.Closeable;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End-to-end latency over a real cluster: a child on member A that keeps exiting and being restarted, and for
 * each of its transitions the time from A's supervisor to (1) the {@code serfnode.sv} user event on a second
 * serf RPC stream of member B's serf and (2) the {@code event} at a WebSocket client of B's API. All times
 * are {@link System#nanoTime()} in this one JVM.
 */
final class LatencyBench {
    private static final String TOKEN = "latency-bench-token";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Exits after 0.15–0.45 s, a different time from one start to the next (dash has no $RANDOM). */
    private static final List<String> FLAPPING = List.of("sh", "-c", "sleep 0.$(( $$ % 4 + 1 ))5");

    private final int memberCount;
    private final int samples;
    private final Path stateDir;
    private final PrintStream out;

    LatencyBench(int memberCount, int samples, Path stateDir, PrintStream out) {
        if (memberCount < 2 || samples < 1) {
            throw new IllegalArgumentException("latency needs at least 2 members and 1 sample; found "
                    + memberCount + " members, " + samples + " samples");
        }
        this.memberCount = memberCount;
        this.samples = samples;
        this.stateDir = stateDir;
        this.out = out;
    }

    LatencyResult run() throws Exception {
        List<MemberAgent> agents = new ArrayList<>();
        List<AutoCloseable> observers = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            MemberAgent a = start("a", List.of(ChildSpec.process("flap", FLAPPING)
                    .withSupervision(SupervisionPolicy.DEFAULTS.withAutorestart(AutoRestart.TRUE)
                            .withStartSecs(Duration.ZERO))), null, false, agents);
            MemberAgent b = start("b", List.of(), a, true, agents);
            for (int i = 3; i <= memberCount; i++) {
                start(String.format("m%02d", i), List.of(), a, false, agents);
            }
            waitFor("all " + memberCount + " members alive at b", () -> b.members().stream()
                    .filter(m -> m.status() == MemberStatus.ALIVE).count() == memberCount);
            out.printf("latency: %d members alive (LAN profile); collecting %d transitions of a/flap%n",
                    memberCount, samples);
            String loadBefore = MachineFacts.loadAverage();

            Map<Long, long[]> times = new ConcurrentHashMap<>(); // counter -> {at A, at B's serf, at B's WS}
            SerfAgentConfig bSerf = b.serf().process().orElseThrow().config();
            SerfRpcClient rpc = SerfRpcClient.connect(SerfRpcConfig.of(bSerf.rpcAddress().host(),
                    bSerf.rpcAddress().port()).withAuthKey(bSerf.rpcAuthToken()));
            observers.add(rpc);
            TransitionCodec codec = TransitionCodec.withDefaultLimits();
            rpc.stream(StreamFilter.user(ClusterNames.TRANSITION_EVENT), new StreamCallback<>() {
                @Override
                public void onStart(Closeable stream) {
                }

                @Override
                public void onNext(StreamEvent event) {
                    long now = System.nanoTime();
                    if (event instanceof StreamEvent.UserEvent user) {
                        SupervisorStateChanged change = codec.decode(user.payload()).event();
                        if (change.member().equals("a")) {
                            stamp(times, change.counter(), 1, now);
                        }
                    }
                }

                @Override
                public void onError(Throwable error) {
                    out.println("the second serf stream on b broke: " + error);
                }
            });
            TimedClient ws = TimedClient.authenticated(http, b.api().orElseThrow().uri(), TOKEN, new WireCodec(),
                    new TimedClient.Receiver() {
                        @Override
                        public void onMessage(ServerMessage message, long receivedNanos) {
                            if (message instanceof EventMessage event
                                    && event.event() instanceof SupervisorStateChanged change
                                    && change.member().equals("a")) {
                                stamp(times, change.counter(), 2, receivedNanos);
                            }
                        }

                        @Override
                        public void onError(Throwable error) {
                            out.println("the WebSocket client on b failed: " + error);
                        }
                    });
            observers.add(ws);
            ws.send(ResumeMessage.fresh());
            // from here on, transitions are timed at A; the ones before are left out
            Closeable subscription = a.supervisor().subscribe(new TransitionCallback() {
                @Override
                public void onNext(SupervisorStateChanged event) {
                    stamp(times, event.counter(), 0, System.nanoTime());
                }
            });
            observers.add(subscription::close);
            waitFor(samples + " complete samples", () -> complete(times) >= samples);
            String loadAfter = MachineFacts.loadAverage();
            return LatencyResult.of(memberCount, times.values().stream().filter(LatencyBench::isComplete)
                    .limit(samples).toList(), loadBefore, loadAfter);
        } finally {
            for (AutoCloseable observer : observers) {
                try {
                    observer.close();
                } catch (Exception e) {
                    out.println("closing an observer failed: " + e);
                }
            }
            http.shutdownNow();
            ChildProcesses.closeAll(agents, out);
        }
    }

    private static void stamp(Map<Long, long[]> times, long counter, int where, long nanos) {
        long[] row = times.computeIfAbsent(counter, c -> new long[] {-1, -1, -1});
        synchronized (row) {
            if (row[where] < 0) {
                row[where] = nanos;
            }
        }
    }

    private static boolean isComplete(long[] row) {
        synchronized (row) {
            return row[0] >= 0 && row[1] >= 0 && row[2] >= 0;
        }
    }

    private static long complete(Map<Long, long[]> times) {
        return times.values().stream().filter(LatencyBench::isComplete).count();
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + PATIENCE + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private MemberAgent start(String name, List<ChildSpec> children, MemberAgent joinThrough, boolean api,
                              List<MemberAgent> agents) throws InterruptedException {
        SerfAddress bind = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SerfAddress rpc = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        MemberAgentConfig config = MemberAgentConfig.local(name, bind, rpc, stateDir.resolve(name))
                .withProfile(SerfProfile.LAN)
                .withChildren(children)
                .withJoin(joinThrough == null ? List.of() : List.of(joinThrough.config().bind()));
        if (api) {
            config = config.withApi(WsServerConfig.of("127.0.0.1", 0, TOKEN));
        }
        MemberAgent agent = new MemberAgent(config);
        agents.add(agent);
        agent.start();
        return agent;
    }
}
