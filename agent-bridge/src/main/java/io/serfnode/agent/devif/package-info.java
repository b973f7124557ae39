/**
 * The developer interface inside every member, for its children and scripts, compatible with the original
 * Serfnode's: files in the state directory describing the cluster ({@link io.serfnode.agent.devif.DeveloperFiles}),
 * the FIFO {@code parent} through which children raise cluster events ({@link io.serfnode.agent.devif.ParentFifo}),
 * and executables under {@code handlers/} run for events ({@link io.serfnode.agent.devif.EventHandlers}).
 */
package io.serfnode.agent.devif;
