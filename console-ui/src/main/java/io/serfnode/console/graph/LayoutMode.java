package io.serfnode.console.graph;

/** How members are grouped on the graph. */
public enum LayoutMode {
    /** One group per role (a member's first role), the groups side by side. */
    BY_ROLE,
    /** One group per host address, so members sharing a machine sit together. */
    BY_HOST
}
