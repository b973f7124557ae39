/** Pure domain records shared by the agent and the console. */
package io.serfnode.model;
