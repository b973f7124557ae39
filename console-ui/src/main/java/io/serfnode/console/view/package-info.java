/** The console's windows and panes. Views bind to view models and hold no state of their own. */
package io.serfnode.console.view;
