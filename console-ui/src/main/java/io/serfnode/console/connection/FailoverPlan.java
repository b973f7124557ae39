package io.serfnode.console.connection;

import io.serfnode.console.session.ReconnectPolicy;
import io.serfnode.model.wire.Peer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which agent to try next after a connection drops, and after how long: the same agent a few times with
 * growing pauses, then the other members from the last {@code welcome} in turn (members known to be down
 * last), then round again.
 *
 * <p>Not thread-safe: owned by the session's thread.
 */
final class FailoverPlan {

    /**
     * One connection attempt.
     *
     * @param endpoint the agent's URL
     * @param member   the member behind it, when known
     * @param number   the attempt's number since the connection was lost (1-based)
     * @param delay    how long to wait before trying
     * @param failover whether this tries another member than the one the session was connected to
     */
    record Attempt(URI endpoint, String member, int number, Duration delay, boolean failover) {
    }

    private final ReconnectPolicy policy;
    private final URI origin;
    private URI home;
    private String homeMember;
    private List<Peer> peers = List.of();
    private int attempts;

    FailoverPlan(URI origin, ReconnectPolicy policy) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.home = origin;
    }

    /** The session is connected to {@code member} at {@code endpoint}, which named these peers. */
    void connected(URI endpoint, String member, List<Peer> welcomePeers) {
        home = endpoint;
        homeMember = member;
        peers = welcomePeers.stream().filter(this::isReachable).toList();
        attempts = 0;
    }

    /** The next attempt; {@code down} names the members last seen failed or gone. */
    Attempt next(Set<String> down) {
        attempts++;
        List<Attempt> round = round(down);
        Attempt pick = round.get((attempts - 1) % round.size());
        return new Attempt(pick.endpoint(), pick.member(), attempts, delay(attempts), pick.failover());
    }

    /** The agent in use said it is shutting down: go to the other members first. */
    void skipHome() {
        attempts = Math.max(attempts, Math.max(1, policy.attemptsBeforeFailover()));
    }

    /** How many attempts were made since the connection was lost. */
    int attempts() {
        return attempts;
    }

    String homeMember() {
        return homeMember;
    }

    private List<Attempt> round(Set<String> down) {
        List<Attempt> round = new ArrayList<>();
        int onHome = Math.max(1, policy.attemptsBeforeFailover());
        for (int i = 0; i < onHome; i++) {
            round.add(new Attempt(home, homeMember, 0, Duration.ZERO, false));
        }
        List<Peer> others = peers.stream().filter(peer -> !peer.member().equals(homeMember)).toList();
        // members seen failing are tried after the ones that may still be up
        others.stream().filter(peer -> !down.contains(peer.member()))
                .forEach(peer -> round.add(new Attempt(endpointOf(peer), peer.member(), 0, Duration.ZERO, true)));
        others.stream().filter(peer -> down.contains(peer.member()))
                .forEach(peer -> round.add(new Attempt(endpointOf(peer), peer.member(), 0, Duration.ZERO, true)));
        return round;
    }

    private boolean isReachable(Peer peer) {
        try {
            endpointOf(peer);
            return true;
        } catch (IllegalArgumentException e) {
            return false; // an address nobody could connect to is no failover target
        }
    }

    private Duration delay(int attempt) {
        long initial = Math.max(1, policy.initialDelay().toMillis());
        long max = Math.max(initial, policy.maxDelay().toMillis());
        int doublings = Math.min(attempt - 1, 30);
        long millis = initial << Math.min(doublings, Long.numberOfLeadingZeros(initial) - 1);
        return Duration.ofMillis(Math.min(max, millis));
    }

    /** The peer's API with the scheme and path of the URL the operator gave. */
    URI endpointOf(Peer peer) {
        String[] hostPort = splitHostPort(peer.ws());
        try {
            return new URI(origin.getScheme(), null, hostPort[0], Integer.parseInt(hostPort[1]), origin.getPath(),
                    null, null);
        } catch (URISyntaxException | NumberFormatException e) {
            throw new IllegalArgumentException("peer " + peer.member() + " advertises ws address '" + peer.ws()
                    + "', which is not host:port", e);
        }
    }

    private static String[] splitHostPort(String ws) {
        int colon = ws.lastIndexOf(':');
        if (colon <= 0 || colon == ws.length() - 1) {
            throw new IllegalArgumentException("ws address '" + ws + "' is not host:port");
        }
        String host = ws.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, ws.substring(colon + 1)};
    }
}
