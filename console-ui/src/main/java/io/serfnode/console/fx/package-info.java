/**
 * The one door from other threads into the UI: work posted here runs on the FX thread, batched once per
 * pulse, so a flood of events costs one UI update per frame and the UI thread never waits on I/O.
 */
package io.serfnode.console.fx;
