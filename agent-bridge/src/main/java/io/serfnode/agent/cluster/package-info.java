/**
 * The children and supervisor states of every member, as this member knows them: transitions gossiped as
 * the user event {@code serfnode.sv}, kept in one table per member ordered by the member's transition
 * counter, and reconciled through the {@code serfnode.children} query when a gap shows that something was
 * missed. See {@code docs/decisions/0007-cluster-child-state.md}.
 */
package io.serfnode.agent.cluster;
