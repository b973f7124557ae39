/** The console application: start-up options, the main stage, remembered window state. */
package io.serfnode.console.app;
