/**
 * What the WebSocket API needs from the member it runs in, and what it offers operators: the cluster as
 * this member knows it ({@link io.serfnode.agent.api.ClusterAccess}) and operator commands
 * ({@link io.serfnode.agent.api.CommandService}). Implementations live in sub-packages; the member agent
 * wires them together.
 */
package io.serfnode.agent.api;
