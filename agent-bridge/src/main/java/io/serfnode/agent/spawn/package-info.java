/**
 * Spawning new members: templates, a member's own configuration ("like this member", fetched over the
 * cluster with the paged {@code serfnode.config} query), unique names, and the {@link
 * io.serfnode.agent.spawn.MemberSpawner} runtimes that start the members. A spawner owns what it started and
 * stops it when it stops.
 */
package io.serfnode.agent.spawn;
