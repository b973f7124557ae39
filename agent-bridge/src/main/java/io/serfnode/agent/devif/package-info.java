/**
 * The developer interface inside every member, for its children and scripts, compatible with the original
 * Serfnode's where that was sound.
 *
 * <p>In the state directory:
 * <ul>
 *   <li>{@code hosts}, {@code serfnodes_by_id.json}, {@code serfnodes_by_role.json}, {@code me.json},
 *       {@code children_by_name.json}, written by {@link io.serfnode.agent.devif.DeveloperFiles} from one
 *       {@link io.serfnode.agent.devif.DeveloperView}, each replaced atomically and only when it changes.
 *       A role's host name points at its oldest alive member: oldest by the {@code timestamp} tag (epoch
 *       seconds, as the original wrote it, or ISO-8601), members without one after those with one, ties by
 *       name. In Docker mode the same lines also go to a managed block of {@code /etc/hosts}.</li>
 *   <li>the FIFO {@code parent} ({@link io.serfnode.agent.devif.ParentFifo}): a child writes one line
 *       {@code ["event-name", payload]} to raise a cluster event; bad lines are logged and reported, never
 *       fatal.</li>
 *   <li>{@code handlers/<event-name>} executables ({@link io.serfnode.agent.devif.EventHandlers}), run with
 *       the event on stdin, for user events and for {@code member-join}, {@code member-leave},
 *       {@code member-failed}, {@code member-update} and {@code member-reap}.</li>
 * </ul>
 */
package io.serfnode.agent.devif;
