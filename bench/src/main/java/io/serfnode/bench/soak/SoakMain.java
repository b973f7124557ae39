package io.serfnode.bench.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code SoakMain [--minutes N] [--members N] [--spawned N] [--rate N] [--churn-seconds N] [--console-classpath CP]
 * [--out DIR]}: runs the soak and writes {@code samples.csv}, {@code memory.png} and {@code summary.md} to DIR.
 * Exits with 1 when a transition was lost or repeated at the console stand-in.
 */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        SoakSettings settings = SoakSettings.ISSUE.withConsoleClassPath(System.getProperty("soak.console.classpath"));
        String minutes = System.getenv("SOAK_MINUTES");
        if (minutes != null && !minutes.isBlank()) {
            settings = settings.withDuration(minutes(minutes, "SOAK_MINUTES"));
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--minutes" -> settings = settings.withDuration(minutes(value(args, ++i, arg), arg));
                case "--members" -> settings = settings.withMembers(number(value(args, ++i, arg), arg));
                case "--spawned" -> settings = settings.withChurnSlots(number(value(args, ++i, arg), arg));
                case "--console-classpath" -> settings = settings.withConsoleClassPath(value(args, ++i, arg));
                case "--rate" -> settings = settings.withEventsPerSecond(number(value(args, ++i, arg), arg));
                case "--churn-seconds" -> settings = settings.withChurnEvery(
                        Duration.ofSeconds(number(value(args, ++i, arg), arg)));
                case "--forget-failed-minutes" -> settings = settings.withForgetFailedAfter(
                        minutes(value(args, ++i, arg), arg));
                case "--out" -> settings = settings.withOut(Path.of(value(args, ++i, arg)));
                case "--help", "-h" -> {
                    System.out.println("usage: bench/soak/run [--minutes 30] [--members 10] [--spawned 3] [--rate 10]"
                            + " [--churn-seconds 30] [--forget-failed-minutes 5] [--console-classpath CP]"
                            + " [--out bench/target/soak]"
                            + "   (SOAK_MINUTES also sets the minutes)");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (see --help)");
            }
        }
        SoakReport report = new Soak(settings, System.out).run();
        System.out.println(report.verdict());
        System.exit(report.transitionsIntact() ? 0 : 1);
    }

    private static Duration minutes(String text, String where) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Duration.ofMillis(Math.round(value * 60_000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a positive number of minutes, found '" + text + "'");
        }
    }

    private static int number(String text, String where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a whole number, found '" + text + "'");
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
