package io.serfnode.bench.propagation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the 1-minute load average once a second, so each result says how busy the machine was. */
final class LoadSampler implements AutoCloseable {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private final List<Double> samples = new ArrayList<>();
    private final Thread thread;

    private LoadSampler() {
        thread = Thread.ofPlatform().daemon().name("load-sampler").start(this::run);
    }

    static LoadSampler started() {
        return new LoadSampler();
    }

    static double now() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                double load = now();
                synchronized (samples) {
                    samples.add(load);
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    LoadSummary summary() {
        synchronized (samples) {
            double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double first = samples.isEmpty() ? Double.NaN : samples.getFirst();
            return new LoadSummary(first, mean, max);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    /** 1-minute load average at the start of a cell, its mean and its maximum during the cell. */
    record LoadSummary(double start, double mean, double max) {
    }
}
