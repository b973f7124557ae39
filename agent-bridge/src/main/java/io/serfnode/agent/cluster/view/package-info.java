/**
 * The split-brain detector: every member answers the {@code serfnode.view} query with a digest of the
 * membership it sees, and a view check groups the answers of the whole cluster by digest.
 */
package io.serfnode.agent.cluster.view;
