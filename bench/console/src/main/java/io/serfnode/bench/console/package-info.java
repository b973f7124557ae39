/**
 * The console's render benchmark: the cluster graph with thousands of members, panned and zoomed continuously,
 * measured by the frames the renderer completed (not just the pulses that were asked for).
 */
package io.serfnode.bench.console;
