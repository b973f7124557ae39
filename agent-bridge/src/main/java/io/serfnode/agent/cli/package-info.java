/** Command-line entry points of {@code serfnode}. */
package io.serfnode.agent.cli;
