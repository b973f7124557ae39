/**
 * Operator commands: {@link io.serfnode.agent.api.command.ClusterCommandService} carries them out on this
 * member or relays them to another member through the {@code serfnode.cmd} query, which every member
 * answers with its {@link io.serfnode.agent.api.command.CommandResponder}.
 */
package io.serfnode.agent.api.command;
