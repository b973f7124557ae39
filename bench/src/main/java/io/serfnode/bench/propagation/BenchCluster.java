package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.process.LocalSerfProcessManager;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.serf.process.SerfLaunchSettings;
import io.serfnode.agent.serf.process.SerfLogLevel;
import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.serf.rpc.MemberStatus;
import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import io.serfnode.agent.serf.rpc.StreamFilter;
import io.serfnode.agent.support.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cluster of real serf agents, each on its own loopback address {@code 127.<net>.<i / 250>.<i % 250 + 1>}, all
 * joined to the first one. Every agent has one RPC client with one stream feeding {@link Sightings}.
 */
final class BenchCluster implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(30);

    private final SerfProfile profile;
    private final int net;
    private final LocalSerfProcessManager manager;
    private final SerfPidReaper reaper;
    private final Sightings sightings;
    private final List<BenchMember> members = new ArrayList<>();
    private int started;

    BenchCluster(SerfProfile profile, int net, Path runDirectory, SerfPidReaper reaper, Sightings sightings) {
        this.profile = profile;
        this.net = net;
        this.manager = new LocalSerfProcessManager(SerfLaunchSettings.defaults(runDirectory)
                .withCloseTimeout(Duration.ofSeconds(10)));
        this.reaper = reaper;
        this.sightings = sightings;
    }

    List<BenchMember> members() {
        return List.copyOf(members);
    }

    int size() {
        return members.size();
    }

    /** Starts members until there are {@code count}, then waits until each sees all of them alive. */
    void grow(int count) throws InterruptedException {
        while (members.size() < count) {
            members.add(startMember());
        }
        awaitAllAlive(Duration.ofSeconds(120));
    }

    /** Starts one more member, joined to the first, and returns when every member sees it alive. */
    BenchMember addMember() throws InterruptedException {
        BenchMember member = startMember();
        members.add(member);
        awaitAllAlive(Duration.ofSeconds(120));
        return member;
    }

    private BenchMember startMember() throws InterruptedException {
        int index = started++;
        String ip = "127." + net + "." + (index / 250) + "." + (index % 250 + 1);
        String name = "prop-" + profile.configValue() + "-" + index;
        SerfAgentConfig config = SerfAgentConfig.lan(name, SerfAddress.of(ip, FreePorts.pick(ip)),
                        SerfAddress.of(ip, FreePorts.pick(ip)))
                .withProfile(profile)
                .withLogLevel(SerfLogLevel.WARN)
                .withStartJoin(members.isEmpty() ? List.of() : List.of(members.getFirst().process().config().bind()));
        SerfAgentProcess process = reaper.register(manager.start(config));
        process.awaitReady(READY);
        SerfRpcClient rpc = SerfRpcClient.connect(SerfRpcConfig.of(ip, config.rpcAddress().port()));
        var stream = rpc.stream(StreamFilter.ALL, new SightingRecorder(name, sightings));
        return new BenchMember(name, process, rpc, stream);
    }

    /** kill -9: the member cannot leave, the others must detect the failure. */
    void kill(BenchMember member) throws InterruptedException {
        members.remove(member);
        member.process().kill();
        member.disconnect();
        reaper.forget(member.process());
    }

    /** SIGTERM, on which serf leaves the cluster gracefully (leave_on_terminate). */
    void leave(BenchMember member) throws InterruptedException {
        members.remove(member);
        member.disconnect();
        member.process().stopGracefully(Duration.ofSeconds(15));
        reaper.forget(member.process());
    }

    /** Turns a failed member into a left one everywhere, so it is not retried for the rest of the run. */
    void forgetFailed(String name) {
        members.getFirst().rpc().forceLeave(name);
    }

    private void awaitAllAlive(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> expected = members.stream().map(BenchMember::name).sorted().toList();
        for (BenchMember member : members) {
            while (true) {
                List<String> alive = member.rpc().members().stream()
                        .filter(m -> m.status() == MemberStatus.ALIVE).map(SerfMember::name).sorted().toList();
                if (alive.containsAll(expected)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "%s sees %d of %d members alive after %s", member.name(), alive.size(), expected.size(), timeout));
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        for (BenchMember member : members) {
            try {
                member.disconnect();
            } catch (RuntimeException e) {
                System.err.println("propagation: closing " + member.name() + ": " + e.getMessage());
            }
        }
        // kill, not leave: 50 members leaving at once is a storm that would only slow the next cell
        for (BenchMember member : members) {
            try {
                member.process().kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reaper.forget(member.process());
        }
        members.clear();
    }
}
