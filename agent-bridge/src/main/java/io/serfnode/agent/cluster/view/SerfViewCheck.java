package io.serfnode.agent.cluster.view;

import io.serfnode.agent.serf.rpc.QueryAnswers;
import io.serfnode.agent.serf.rpc.QueryAsker;
import io.serfnode.agent.serf.rpc.QueryRetry;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.ViewReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * {@link ClusterViewCheck} through serf's {@code query}: one round to everyone, then rounds to the members
 * the asker holds alive that stayed silent. Members the asker holds failed are not asked again: if they are
 * on the far side of a partition no query reaches them, and they are reported as "no answer".
 */
public final class SerfViewCheck implements ClusterViewCheck {
    /** Beyond serf's own timeout: the time its final record may take to arrive before we stop waiting. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Supplier<List<Member>> members;
    private final ViewQueryCodec codec;
    private final QueryRetry config;
    private final ComponentLog log;
    private final QueryAsker<LocalView> asker;

    /**
     * @param rpc     the client to ask through, looked up for every check so that a reconnected one is used
     * @param members the members this member knows: who is expected to answer
     */
    public SerfViewCheck(String member, Supplier<SerfRpc> rpc, Supplier<List<Member>> members, ViewQueryCodec codec,
            QueryRetry config) {
        this.members = Objects.requireNonNull(members, "members");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.config = Objects.requireNonNull(config, "config");
        this.log = ComponentLog.of(member, "view-check");
        this.asker = new QueryAsker<>(rpc, ViewQueryCodec.QUERY_NAME, codec::decodeAnswer, GRACE, log);
    }

    /** Three seconds a round, two rounds: members held alive that stayed silent are asked once more. */
    public static QueryRetry defaultRetry() {
        return new QueryRetry(Duration.ofSeconds(3), 2);
    }

    @Override
    public ViewReport check(Duration timeout) throws InterruptedException {
        Duration round = timeout == null ? config.timeout() : timeout;
        List<Member> known = members.get();
        Set<String> expected = new TreeSet<>();
        Set<String> awaited = new TreeSet<>();
        for (Member member : known) {
            if (member.status() != MemberStatus.LEFT && member.status() != MemberStatus.LEAVING) {
                expected.add(member.name());
            }
            if (member.status() == MemberStatus.ALIVE) {
                awaited.add(member.name());
            }
        }
        Map<String, LocalView> answers = new TreeMap<>();
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            List<String> silent = new ArrayList<>(awaited);
            silent.removeAll(answers.keySet());
            if (attempt > 1) {
                if (silent.isEmpty()) {
                    break;
                }
                log.info("%s did not answer %s (round %d of %d); asking again", silent, ViewQueryCodec.QUERY_NAME,
                        attempt - 1, config.attempts());
            }
            answers.putAll(round(attempt == 1 ? List.of() : silent, silent, round));
            if (answers.keySet().containsAll(awaited)) {
                break;
            }
        }
        return ViewGrouping.report(answers, expected);
    }

    /**
     * One query; returns the readable answers once every awaited member answered or serf ended it. An answer
     * that cannot be read tells nothing about its member's view: that member counts as "no answer".
     */
    private Map<String, LocalView> round(List<String> filterNodes, Collection<String> awaited, Duration timeout)
            throws InterruptedException {
        QueryAnswers<LocalView> answers;
        try {
            answers = asker.ask(codec.encodeRequest(), filterNodes, Set.copyOf(awaited), timeout).get();
        } catch (ExecutionException e) {
            throw new ViewCheckException("could not send " + ViewQueryCodec.QUERY_NAME + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        if (answers.brokenOff() != null) {
            log.warn("%s broke off: %s; using the answers collected so far", ViewQueryCodec.QUERY_NAME,
                    answers.brokenOff().getMessage());
        }
        return answers.readable();
    }
}
