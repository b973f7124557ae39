/**
 * The member agent: one serf agent kept alive, the cluster's membership as this member sees it, and the
 * assembly of a member's parts.
 */
package io.serfnode.agent.member;
