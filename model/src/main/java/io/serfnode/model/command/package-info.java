/** What operators can ask a cluster to do, and what the answers carry. */
package io.serfnode.model.command;
