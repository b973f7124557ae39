/** What a member supervises: child specifications and their supervision rules. */
package io.serfnode.agent.child;
