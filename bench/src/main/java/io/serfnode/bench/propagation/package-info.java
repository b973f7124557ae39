/**
 * The event-propagation study: N real serf agents on loopback addresses, one RPC stream per agent, and the time a
 * user event, a failure (kill -9) or a graceful leave takes to be seen by every agent; compared with Serf's
 * convergence model. Run with {@code bench/propagation/run}; results in {@code docs/propagation.md}.
 */
package io.serfnode.bench.propagation;
