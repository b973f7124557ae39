/** How children are run: the runtime interface that Docker and process runtimes implement. */
package io.serfnode.agent.runtime;
