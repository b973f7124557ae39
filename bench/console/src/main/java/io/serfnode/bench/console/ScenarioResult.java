package io.serfnode.bench.console;

/**
 * What one scenario measured.
 *
 * @param rendered    frames the renderer completed (moments from the scene's performance tracker)
 * @param pulses      pulses the JavaFX thread ran (moments from an animation timer)
 * @param renderCpu   CPU time the render thread spent between consecutive rendered frames (its "frame times"
 *                    are CPU milliseconds per frame, which other load on the machine does not inflate)
 * @param fxCpu       CPU time the JavaFX thread spent between consecutive pulses
 * @param drawMillis  per pulse, the time spent issuing the graph's drawing commands on the JavaFX thread
 * @param layoutMillis time to lay out the model once (done on each change of members or roles)
 */
record ScenarioResult(Scenario scenario, FrameStats rendered, FrameStats pulses, FrameStats renderCpu,
                      FrameStats fxCpu, double[] drawMillis,
                      double layoutMillis, double gcMillis) {

    /**
     * Frames per second an otherwise idle machine would reach: the render thread and the JavaFX thread work in a
     * pipeline, so the slower one's median CPU time per frame sets the pace, capped by JavaFX's 60 Hz pulse.
     */
    double idleFps() {
        double perFrame = Math.max(renderCpu.p50(), fxCpu.p50());
        return perFrame <= 0 ? 0 : Math.min(60, 1000 / perFrame);
    }

    double drawP50() {
        return FrameStats.nearestRank(FrameStats.sortedCopy(drawMillis), 50);
    }

    double drawP99() {
        return FrameStats.nearestRank(FrameStats.sortedCopy(drawMillis), 99);
    }
}
