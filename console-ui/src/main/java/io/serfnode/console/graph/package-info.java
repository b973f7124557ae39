/**
 * The cluster graph: an immutable {@link io.serfnode.console.graph.GraphModel} drawn by
 * {@link io.serfnode.console.graph.ClusterGraphView} onto one Canvas (never one scene-graph node per member),
 * with role colours from {@link io.serfnode.console.graph.RolePalette}, deterministic layouts cached per model
 * change, zoom, pan, selection, search, tooltips and PNG export.
 */
package io.serfnode.console.graph;
