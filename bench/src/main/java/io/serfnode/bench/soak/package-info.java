/**
 * The soak harness: a cluster of member agents under churn for a long time, with a client standing in for the
 * console checking that each supervisor transition reaches it exactly once, and memory sampled over time.
 */
package io.serfnode.bench.soak;
