package io.serfnode.agent.serf.rpc;

import java.util.Map;

/**
 * The cluster-wide answer to a keyring command.
 *
 * @param messages per-node error messages (node name to message)
 * @param keys     for {@code list-keys}: each base64 key to the number of nodes holding it
 * @param numNodes nodes in the cluster when the query ran
 * @param numErr   nodes that reported an error
 * @param numResp  nodes that answered
 */
public record KeyResponse(Map<String, String> messages, Map<String, Integer> keys, int numNodes, int numErr, int numResp) {
    public KeyResponse {
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
