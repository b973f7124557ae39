/**
 * The console's connection to a cluster: {@link io.serfnode.console.connection.WebSocketClusterSession}
 * speaks the agents' WebSocket protocol (JDK {@code java.net.http}), keeps one exactly-once stream across
 * reconnects and failovers, and trusts TLS agents as the operator chose (system, PEM, trust on first use).
 */
package io.serfnode.console.connection;
