/**
 * What the console remembers between runs: recent clusters (with their secrets, in an owner-only file) and
 * window state and theme. Plain files under {@code ~/.config/serfnode}; the directory is injectable.
 */
package io.serfnode.console.settings;
