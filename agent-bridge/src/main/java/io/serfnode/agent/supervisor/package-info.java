/**
 * Supervision of a member's children with supervisord's states and rules: one {@link
 * io.serfnode.agent.supervisor.ChildSupervisor} per child, owned by a single thread (its {@link
 * io.serfnode.agent.supervisor.Mailbox}), and the member-level {@link io.serfnode.agent.supervisor.Supervisor}
 * that starts children in order, stops them in reverse order and numbers every transition with the member's
 * persistent transition counter.
 */
package io.serfnode.agent.supervisor;
