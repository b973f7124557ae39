package io.serfnode.console.viewmodel;

import java.time.Duration;

/** Short human durations for tables: "42s", "3m 07s", "5h 12m", "2d 4h". */
final class Durations {
    private Durations() {
    }

    static String brief(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return String.format("%dm %02ds", minutes, seconds % 60);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return String.format("%dh %02dm", hours, minutes % 60);
        }
        return String.format("%dd %dh", hours / 24, hours % 24);
    }
}
