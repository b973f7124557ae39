/**
 * The Docker child runtime: children as containers of a Docker engine, driven through docker-java.
 * Containers carry labels naming their member, child and spec, so a restarted agent finds its own;
 * exits are reported from the engine's event stream.
 */
package io.serfnode.agent.runtime.docker;
