package io.serfnode.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import io.serfnode.agent.serf.testing.SerfTestAgent;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.Child;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cluster-wide child state between three real serf agents. */
class ClusterChildrenIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final SerfTestCluster cluster = SerfTestCluster.create();

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    /** One member's side of the tests: its RPC client, its view of the cluster's children and what it heard. */
    private final class Node {
        final String name;
        final SerfRpc rpc;
        final ClusterChildren children;
        final RecordingListener heard = new RecordingListener();

        final LossyChildren received;
        final RecentTransitions recent = new RecentTransitions(RecentTransitions.DEFAULT_CAPACITY);

        Node(SerfTestAgent agent, ClusterChildrenConfig config) {
            name = agent.nodeName();
            rpc = SerfRpcClient.connect(SerfRpcConfig.of(agent.rpcAddress().host(), agent.rpcAddress().port())
                    .withAuthKey(agent.rpcAuthToken()));
            resources.add(rpc);
            children = new OwnedClusterChildren(name, config);
            resources.add(children);
            children.subscribe(heard);
            received = new LossyChildren(children);
            new TransitionGossipReceiver(name, received, TransitionCodec.withDefaultLimits()).start(rpc);
        }

        TransitionGossip gossip() {
            TransitionGossip gossip = new TransitionGossip(name, () -> rpc, TransitionCodec.withDefaultLimits(),
                    child -> Optional.of(Child.process(child, "/usr/bin/" + child)));
            resources.add(gossip);
            return gossip;
        }

        /** What a member's supervisor does with each transition: keep it, apply it locally, gossip it. */
        void transition(TransitionGossip gossip, SupervisorStateChanged event) {
            recent.record(new ChildTransition(event, RuntimeKind.PROCESS, null));
            children.apply(event);
            gossip.onNext(event);
        }

        void answerTransitions() {
            new TransitionsQueryResponder(name, recent, TransitionsQueryCodec.withDefaultLimits()).start(rpc);
        }

        void repairFromMembers() {
            children.subscribe(new TransitionRepair(name, children, new SerfTransitionsQuery(name, () -> rpc,
                    TransitionsQueryCodec.withDefaultLimits(), SerfTransitionsQuery.defaultRetry())));
        }

        void answerChildren(long counter, List<SupervisedChild> own) {
            new ChildrenQueryResponder(name, () -> new LocalChildren.State(counter, own),
                    ChildrenQueryCodec.withDefaultLimits()).start(rpc);
        }

        ChildrenQuery query(Duration pageTimeout) {
            return new SerfChildrenQuery(name, () -> rpc, ChildrenQueryCodec.withDefaultLimits(),
                    SerfChildrenQuery.defaultRetry().withTimeout(pageTimeout));
        }
    }

    private List<Node> nodes(ClusterChildrenConfig config) {
        return cluster.start(3).stream().map(agent -> new Node(agent, config)).toList();
    }

    @Test
    void appliesATransitionPublishedByOneMemberOnEveryMemberExactlyOnce() {
        List<Node> nodes = nodes(ClusterChildrenConfig.defaults());
        Node a = nodes.get(0);
        TransitionGossip gossip = a.gossip();
        SupervisorStateChanged starting = Transitions.transition(a.name, "web", SupervisorState.STOPPED,
                SupervisorState.STARTING, 1);
        SupervisorStateChanged running = Transitions.running(a.name, "web", 2);

        // what the supervisor does for each transition: apply locally, and gossip
        for (SupervisorStateChanged event : List.of(starting, running)) {
            a.children.apply(event);
            gossip.onNext(event);
        }
        // another tool's payload under our name, and a relayed copy of the first transition
        a.rpc.event(ClusterNames.TRANSITION_EVENT, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8), false);
        a.rpc.event(ClusterNames.TRANSITION_EVENT, TransitionCodec.withDefaultLimits().encode(starting, null), false);

        for (Node node : nodes) {
            // every gossiped copy beyond the first of each transition is dropped: a's own three, two elsewhere
            long copies = node == a ? 3 : 1;
            await(node.name + " applies both transitions and drops the copies").atMost(WAIT)
                    .until(() -> node.children.snapshot().duplicatesDropped() >= copies
                            && node.heard.countersOf(a.name).size() == 2);
            assertThat(node.heard.countersOf(a.name)).containsExactly(1L, 2L);
            assertThat(node.heard.gaps).isEmpty();
            KnownChild web = node.children.snapshot().child(a.name, "web").orElseThrow();
            assertThat(web.status().state()).isEqualTo(SupervisorState.RUNNING);
            assertThat(web.status().counter()).isEqualTo(2);
            if (node != a) {
                assertThat(web.runtime()).isEqualTo(RuntimeKind.PROCESS);
                assertThat(web.summary()).isEqualTo("/usr/bin/web");
            }
        }
    }

    @Test
    void fetchesATransitionThatGossipLostFromItsMemberAndDeliversEveryOneInOrder() {
        List<Node> nodes = nodes(ClusterChildrenConfig.defaults().withReorderWindow(Duration.ofMillis(500)));
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        a.answerTransitions();
        b.repairFromMembers();
        TransitionGossip gossip = a.gossip();
        // b has heard of a from its first transition on: a gap after it can be fetched
        a.transition(gossip, Transitions.running(a.name, "web", 1));
        await("b hears the first transition").atMost(WAIT).until(() -> b.heard.countersOf(a.name).size() == 1);
        b.received.loseFirstCopyOf(a.name, 2);
        b.received.loseFirstCopyOf(a.name, 3);

        for (long counter = 2; counter <= 4; counter++) {
            a.transition(gossip, Transitions.running(a.name, "web", counter));
        }

        await("b hears every transition of a").atMost(WAIT).until(() -> b.heard.countersOf(a.name).size() == 4);
        assertThat(b.heard.countersOf(a.name)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(b.heard.missing).containsExactly(new TransitionGap(a.name, 2, 4));
        assertThat(b.heard.gaps).isEmpty();
        assertThat(b.received.lost()).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void catchesUpOnTheLastTransitionOfABurstThatGossipLost() {
        List<Node> nodes = nodes(ClusterChildrenConfig.defaults());
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        b.received.loseFirstCopyOf(a.name, 3);
        TransitionGossip gossip = a.gossip();

        for (long counter = 1; counter <= 3; counter++) {
            a.transition(gossip, Transitions.running(a.name, "web", counter));
        }

        // nothing follows 3 to reveal the loss: a sends it once more when it has been quiet for a while
        await("b hears the last transition").atMost(WAIT).until(() -> b.heard.countersOf(a.name).size() == 3);
        assertThat(b.heard.countersOf(a.name)).containsExactly(1L, 2L, 3L);
        assertThat(b.received.lost()).containsExactly(3L);
        assertThat(b.heard.gaps).isEmpty();
    }

    @Test
    void reportsAGapAndRepairsItByAskingTheMember() {
        List<Node> nodes = nodes(ClusterChildrenConfig.defaults().withReorderWindow(Duration.ofMillis(300))
                .withRepairTimeout(Duration.ZERO));
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        List<SupervisedChild> own = ManyChildren.of(2);
        a.answerChildren(5, own);
        ChildrenReconciler reconciler = new ChildrenReconciler(b.name, b.children, b.query(Duration.ofSeconds(5)));
        b.children.subscribe(reconciler);
        TransitionGossip gossip = a.gossip();

        // transitions 3 and 4 never leave a
        gossip.send(Transitions.running(a.name, own.get(0).child().name(), 1));
        gossip.send(Transitions.running(a.name, own.get(0).child().name(), 2));
        gossip.send(Transitions.running(a.name, own.get(1).child().name(), 5));

        await("b reports the gap").atMost(WAIT).until(() -> !b.heard.gaps.isEmpty());
        assertThat(b.heard.gaps).containsExactly(new TransitionGap(a.name, 3, 5));
        await("b asked a for its children").atMost(WAIT)
                .until(() -> b.children.snapshot().member(a.name).map(MemberChildren::complete).orElse(false));
        MemberChildren known = b.children.snapshot().member(a.name).orElseThrow();
        assertThat(known.counter()).isEqualTo(5);
        assertThat(known.children()).extracting(KnownChild::name)
                .containsExactlyElementsOf(own.stream().map(child -> child.child().name()).toList());
        assertThat(known.children().get(1).status()).isEqualTo(own.get(1).status());
        assertThat(b.heard.countersOf(a.name)).containsExactly(1L, 2L, 5L);
    }

    @Test
    void fetchesOneHundredChildrenWithLongNamesPageByPage() {
        List<Node> nodes = nodes(ClusterChildrenConfig.defaults());
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        Node c = nodes.get(2);
        List<SupervisedChild> many = ManyChildren.of(100);
        a.answerChildren(0, List.of());
        b.answerChildren(5100, many);
        c.answerChildren(7, ManyChildren.of(3));
        ChildrenQuery query = a.query(Duration.ofSeconds(10));

        CompletableFuture<MemberChildren> one = query.fetch(b.name);

        assertThat(one).succeedsWithin(WAIT).satisfies(children -> {
            assertThat(children.member()).isEqualTo(b.name);
            assertThat(children.counter()).isEqualTo(5100);
            assertThat(children.complete()).isTrue();
            assertThat(children.children()).extracting(KnownChild::name)
                    .containsExactlyElementsOf(many.stream().map(child -> child.child().name()).toList());
            assertThat(children.children()).extracting(KnownChild::status)
                    .containsExactlyElementsOf(many.stream().map(SupervisedChild::status).toList());
        });

        CompletableFuture<ClusterChildrenAnswers> all = query.fetchAll(List.of(a.name, b.name, c.name));

        assertThat(all).succeedsWithin(WAIT).satisfies(answers -> {
            assertThat(answers.failed()).isEmpty();
            assertThat(answers.answered()).containsOnlyKeys(a.name, b.name, c.name);
            assertThat(answers.answered().get(a.name).children()).isEmpty();
            assertThat(answers.answered().get(b.name).children()).hasSize(100);
            assertThat(answers.answered().get(c.name).children()).hasSize(3);
            assertThat(answers.answered().get(c.name).counter()).isEqualTo(7);
        });
    }

    @Test
    void failsCleanlyWhenAMemberDoesNotAnswerInTime() {
        List<Node> nodes = nodes(ClusterChildrenConfig.defaults());
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        Node silent = nodes.get(2);
        a.answerChildren(1, ManyChildren.of(1));
        b.answerChildren(2, ManyChildren.of(2));
        ChildrenQuery query = a.query(Duration.ofSeconds(1));

        CompletableFuture<MemberChildren> one = query.fetch(silent.name);

        assertThat(one).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(ChildrenQueryTimeoutException.class)
                .withMessageContaining(silent.name + " did not answer serfnode.children")
                .withMessageContaining("1000 ms");

        CompletableFuture<ClusterChildrenAnswers> all = query.fetchAll(List.of(a.name, b.name, silent.name));

        assertThat(all).succeedsWithin(WAIT).satisfies(answers -> {
            assertThat(answers.answered()).containsOnlyKeys(a.name, b.name);
            assertThat(answers.failed()).containsOnlyKeys(silent.name);
            assertThat(answers.failed().get(silent.name)).isInstanceOf(ChildrenQueryTimeoutException.class);
        });
    }
}
