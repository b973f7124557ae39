/**
 * The WebSocket API (protocol v1, docs/protocol.md) on Tyrus: {@link io.serfnode.agent.api.ws.WsServer}
 * serves {@code /v1/cluster} for a member, authenticates clients, streams the member's events with a
 * snapshot first and commands to its {@link io.serfnode.agent.api.CommandService}.
 */
package io.serfnode.agent.api.ws;
