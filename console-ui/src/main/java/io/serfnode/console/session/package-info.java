/**
 * The console's side of the WebSocket protocol, as seen by view models: a session to a cluster that
 * delivers one gap-free, duplicate-free stream (across reconnects and failovers) and carries commands.
 * View models depend on these interfaces only; the socket implementation lives elsewhere.
 */
package io.serfnode.console.session;
