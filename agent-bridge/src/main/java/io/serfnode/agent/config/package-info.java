/**
 * {@code serfnode.yml}: the member's settings and its children, read with the line and column of every
 * value so that each problem can be reported precisely, and overridden by the original Serfnode's
 * environment variables.
 */
package io.serfnode.agent.config;
