package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.serf.rpc.MemberEventType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measures one profile and cluster size: user events, then kill -9 failures, then graceful leaves. */
final class CellRun {
    private final StudySettings settings;
    private final SerfProfile profile;
    private final int size;
    private final BenchCluster cluster;
    private final Sightings sightings;
    private long nextEventId;

    CellRun(StudySettings settings, SerfProfile profile, int size, int net, Path runDirectory, SerfPidReaper reaper) {
        this.settings = settings;
        this.profile = profile;
        this.size = size;
        this.sightings = new Sightings();
        this.cluster = new BenchCluster(profile, net, runDirectory, reaper, sightings);
        this.nextEventId = (long) net << 32;
    }

    CellResult run() throws InterruptedException {
        String startedAt = Instant.now().toString();
        long start = System.nanoTime();
        try (cluster; LoadSampler load = LoadSampler.started()) {
            log("starting %d agents", size);
            cluster.grow(size);
            log("all %d agents see each other; user events", size);
            warmUp();
            List<EventTrial> events = events();
            log("failures (kill -9)");
            List<MemberTrial> failures = new ArrayList<>();
            for (int i = 0; i < settings.failures(); i++) {
                failures.add(failure());
            }
            log("graceful leaves");
            List<MemberTrial> leaves = new ArrayList<>();
            for (int i = 0; i < settings.leaves(); i++) {
                leaves.add(leave());
            }
            LoadSampler.LoadSummary summary = load.summary();
            GossipModel model = GossipModel.of(profile);
            return new CellResult(profile.configValue(), size, model.gossipInterval().toMillis(), model.fanout(),
                    Runtime.getRuntime().availableProcessors(), startedAt, (System.nanoTime() - start) / 1e9,
                    summary.start(), summary.mean(), summary.max(), events, failures, leaves);
        }
    }

    private List<EventTrial> events() throws InterruptedException {
        List<EventTrial> trials = new ArrayList<>();
        // payload sizes interleaved, so a drift in the machine's load touches all of them alike
        for (int round = 0; round < settings.eventsPerPayload(); round++) {
            for (int payloadBytes : settings.payloadSizes()) {
                List<BenchMember> members = cluster.members();
                BenchMember sender = members.get(trials.size() % members.size());
                trials.add(event(sender, payloadBytes, members.size()));
                Thread.sleep(settings.eventPause().toMillis());
            }
        }
        return trials;
    }

    /**
     * One unmeasured event first: a member that joined with replay off ignores events older than the Lamport time
     * it learnt when joining, which in a fresh cluster can be the very first event (seen once in a trial run).
     */
    private void warmUp() throws InterruptedException {
        EventTrial trial = event(cluster.members().getFirst(), 16, cluster.size());
        log("warm-up event reached %d of %d members%s", size - trial.missing(), size,
                trial.missedBy().isEmpty() ? "" : " (missed by " + trial.missedBy() + ")");
    }

    private EventTrial event(BenchMember sender, int payloadBytes, int members) throws InterruptedException {
        long id = nextEventId++;
        byte[] payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'p');
        ByteBuffer.wrap(payload).putLong(id);
        String key = SightingRecorder.eventKey(id);
        long sent = System.nanoTime();
        sender.rpc().event(SightingRecorder.EVENT_NAME, payload, false);
        sightings.await(key, members, sent + settings.eventTimeout().toNanos());
        Map<String, Long> seen = sightings.of(key);
        sightings.forget(key);
        List<String> missedBy = cluster.members().stream().map(BenchMember::name).filter(n -> !seen.containsKey(n)).toList();
        return new EventTrial(id, payloadBytes, sender.name(), millisSince(sent, seen), Math.max(0, members - seen.size()),
                missedBy);
    }

    private MemberTrial failure() throws InterruptedException {
        BenchMember victim = cluster.members().getLast();
        int observers = cluster.size() - 1;
        String key = SightingRecorder.memberKey(MemberEventType.MEMBER_FAILED.wireName(), victim.name());
        long killed = System.nanoTime();
        cluster.kill(victim);
        sightings.await(key, observers, killed + settings.memberTimeout().toNanos());
        MemberTrial trial = memberTrial(victim, key, killed, observers);
        log("  %s failed: all saw it after %.0f ms", victim.name(), trial.allMs());
        cluster.forgetFailed(victim.name());
        cluster.addMember();
        return trial;
    }

    private MemberTrial leave() throws InterruptedException {
        BenchMember leaver = cluster.members().getLast();
        int observers = cluster.size() - 1;
        String key = SightingRecorder.memberKey(MemberEventType.MEMBER_LEAVE.wireName(), leaver.name());
        long signalled = System.nanoTime();
        cluster.leave(leaver);
        sightings.await(key, observers, signalled + settings.memberTimeout().toNanos());
        MemberTrial trial = memberTrial(leaver, key, signalled, observers);
        log("  %s left: all saw it after %.0f ms", leaver.name(), trial.allMs());
        cluster.addMember();
        return trial;
    }

    private MemberTrial memberTrial(BenchMember member, String key, long from, int observers) {
        Map<String, Long> seen = sightings.of(key);
        seen = seen.entrySet().stream().filter(e -> !e.getKey().equals(member.name()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        sightings.forget(key);
        return new MemberTrial(member.name(), millisSince(from, seen), Math.max(0, observers - seen.size()));
    }

    private static List<Double> millisSince(long from, Map<String, Long> seen) {
        return seen.values().stream().map(t -> (t - from) / 1e6).sorted().toList();
    }

    private void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s N=%d] %s (load %.2f)%n", profile.configValue(), size,
                String.format(Locale.ROOT, format, args), LoadSampler.now());
    }
}
