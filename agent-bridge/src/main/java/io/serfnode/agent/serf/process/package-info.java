/**
 * Runs real {@code serf agent} processes: their configuration ({@link io.serfnode.agent.serf.process.SerfAgentConfig},
 * rendered as serf's JSON config file), start, readiness, graceful leave, kill and exit reporting.
 */
package io.serfnode.agent.serf.process;
