/** The JavaFX operator console. */
package io.serfnode.console;
