/**
 * Harnesses for the WebSocket API: end-to-end latency of a child's transition across a real cluster, next to
 * serf's own delivery, and fan-out of a fast event stream to many clients.
 */
package io.serfnode.bench.ws;
