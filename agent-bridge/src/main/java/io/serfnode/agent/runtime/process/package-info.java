/**
 * The process runtime: children as plain operating-system processes, each in its own session and process
 * group so that signals reach its whole tree, with rotated per-child log files and records that let a
 * restarted agent end what an earlier one left running.
 */
package io.serfnode.agent.runtime.process;
