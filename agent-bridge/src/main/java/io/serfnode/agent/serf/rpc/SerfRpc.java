package io.serfnode.agent.serf.rpc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands of Serf's RPC protocol (IPC version 1) against one agent. The handshake, and the
 * authentication when an auth key is configured, happen when the client connects.
 *
 * <p>Every method blocks until the agent answered, at most the configured command timeout. Failures
 * are unchecked: {@link SerfCommandException} (the agent answered with an error),
 * {@link SerfLimitExceededException} (refused before sending), {@link SerfRpcTimeoutException},
 * {@link SerfConnectionLostException} (the agent is gone; the client is then unusable).
 *
 * <p>Payloads are sent and delivered byte for byte, including zero bytes; {@code null} is msgpack nil.
 */
public interface SerfRpc extends AutoCloseable {

    SerfRpcConfig config();

    /** False once the agent was lost or the client closed. */
    boolean isOpen();

    /** This agent's node name (from {@code stats}, asked once and remembered). */
    String localNodeName();

    /** Told once, on a thread of its own, if the connection to the agent is lost. */
    void addConnectionListener(SerfConnectionListener listener);

    void removeConnectionListener(SerfConnectionListener listener);

    /** {@code event}: broadcasts a user event. */
    void event(String name, byte[] payload, boolean coalesce);

    /** {@code force-leave}: marks a failed node as left. */
    void forceLeave(String node);

    /** {@code force-leave} with prune: also removes the node from the member list at once. */
    void forceLeavePrune(String node);

    /**
     * {@code join}: joins the cluster through any of {@code addresses} ({@code host:port}).
     *
     * @param replay also deliver the user events the cluster already saw
     * @return the number of nodes contacted successfully
     */
    int join(List<String> addresses, boolean replay);

    /** {@code members}: every member this agent knows, including failed and left ones. */
    List<SerfMember> members();

    /** {@code members-filtered}. */
    List<SerfMember> members(MembersFilter filter);

    /**
     * {@code tags}: sets and deletes tags of this agent. The resulting tags are checked against
     * {@link SerfLimits#checkTags} before sending.
     */
    void tags(Map<String, String> set, Collection<String> delete);

    /** {@code stream}: subscribes to member, user and query events. */
    SerfStream stream(StreamFilter filter, StreamCallback<StreamEvent> callback);

    /** {@code monitor}: subscribes to the agent's log lines at {@code level} and above. One per client at a time. */
    SerfStream monitor(LogLevel level, StreamCallback<String> callback);

    /**
     * {@code query}: broadcasts a query and streams back acks, responses and finally
     * {@link QueryRecord.Done} (after which the callback completes).
     */
    SerfStream query(QueryRequest query, StreamCallback<QueryRecord> callback);

    /** {@code respond}: answers a query that this client's {@link #stream} delivered. */
    void respond(StreamEvent.QueryEvent query, byte[] payload);

    /** {@code respond} by the query's id alone (the size check then assumes the largest Lamport time). */
    void respond(long queryId, byte[] payload);

    /**
     * {@code leave}: the agent leaves the cluster gracefully and shuts down, ending this client. Returns
     * normally also when the agent closed the connection before its answer was read.
     */
    void leave();

    /** {@code install-key}: adds a key to every member's keyring. */
    KeyResponse installKey(String base64Key);

    /** {@code use-key}: makes a key the primary encryption key on every member. */
    KeyResponse useKey(String base64Key);

    /** {@code remove-key}: removes a (non-primary) key from every member's keyring. */
    KeyResponse removeKey(String base64Key);

    /** {@code list-keys}: the keys in use across the cluster and how many members hold each. */
    KeyResponse listKeys();

    /** {@code stats}: the agent's debugging statistics, by section ({@code agent}, {@code serf}, ...). */
    Map<String, Map<String, String>> stats();

    /** {@code get-coordinate}: the agent's cached network coordinate of {@code node}, if any. */
    Optional<Coordinate> coordinate(String node);

    /** Closes both connections; open streams complete, pending calls fail. */
    @Override
    void close();
}
