/**
 * The cluster as the console knows it: a plain reducer over the session's snapshots and events, with no
 * JavaFX, so it can ingest tens of thousands of events per second and be tested on its own.
 */
package io.serfnode.console.state;
