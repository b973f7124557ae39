/** Everything that happens in a cluster, as one sealed hierarchy of events. */
package io.serfnode.model.event;
