/**
 * The view-model side of the cluster overview: maps the console's members to the graph's immutable model.
 * Free of the scene graph; view models never import the graph, views never build its model.
 */
package io.serfnode.console.overview;
