package io.serfnode.bench.console;

import io.serfnode.console.graph.GraphLayout;
import io.serfnode.console.graph.Viewport;

/**
 * Where the benchmark's camera is at each moment: it wanders over the middle of the graph (periods of 7 s and
 * 5 s across and down) while zooming between the whole graph and {@code maxZoom} times closer (period 6 s), so
 * a run of about 10 s passes through every level of detail: dots, discs, satellites and names.
 */
record CameraPath(double minX, double minY, double maxX, double maxY, double width, double height,
                  double maxZoom) {

    static CameraPath over(GraphLayout layout, double width, double height, double maxZoom) {
        return new CameraPath(layout.minX(), layout.minY(), layout.maxX(), layout.maxY(), width, height, maxZoom);
    }

    Viewport at(double seconds) {
        Viewport fit = Viewport.fit(minX, minY, maxX, maxY, width, height, 24);
        double zoom =  Math.exp(Math.log(maxZoom) * (1 - Math.cos(2 * Math.PI * seconds / 6)) / 2);
        double cx = (minX + maxX) / 2 + 0.3 * (maxX - minX) * Math.sin(2 * Math.PI * seconds / 7);
        double cy = (minY + maxY) / 2 + 0.3 * (maxY - minY) * Math.sin(2 * Math.PI * seconds / 5);
        return Viewport.centredOn(cx, cy, fit.scale() * zoom, width, height);
    }
}
