/**
 * The agent's event stream: every cluster event gets the next {@code seq}, a bounded history is kept for
 * clients that reconnect, and subscribing is atomic with appending, so a snapshot and the live events after
 * it never have a gap or a duplicate.
 */
package io.serfnode.agent.api.journal;
