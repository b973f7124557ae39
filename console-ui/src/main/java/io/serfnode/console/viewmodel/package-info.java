/**
 * View models: the console's state and commands as read-only JavaFX properties and lists. They talk to the
 * cluster only through {@link io.serfnode.console.session.ClusterSession}, use only {@code javafx.base},
 * and are tested without the FX toolkit.
 */
package io.serfnode.console.viewmodel;
