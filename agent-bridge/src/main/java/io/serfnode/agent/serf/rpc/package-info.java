/**
 * A client for the RPC protocol (IPC version 1) of a HashiCorp Serf agent, over msgpack on TCP.
 *
 * <p>{@link io.serfnode.agent.serf.rpc.SerfRpcClient#connect(SerfRpcConfig)} opens two connections to
 * one agent: one for request/response commands and one for long-lived streams (events, logs, query
 * records), so that a flood of stream records never delays a command reply. Records are decoded by
 * the connection's reader thread and handed to a per-stream dispatcher, which runs the callbacks.
 *
 * <p>Size limits that Serf enforces are checked before anything is sent, see {@link
 * io.serfnode.agent.serf.rpc.SerfLimits}.
 */
package io.serfnode.agent.serf.rpc;
