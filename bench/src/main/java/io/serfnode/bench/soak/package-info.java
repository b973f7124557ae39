/**
 * The soak harness: a cluster of member agents under churn for a long time — members spawned through the
 * WebSocket API and killed with SIGKILL, children crashed, user events raised — with a client standing in for the
 * console checking that each supervisor transition reaches it exactly once, the real JavaFX console connected
 * beside it, and the memory of every JVM and serf agent sampled over time.
 */
package io.serfnode.bench.soak;
