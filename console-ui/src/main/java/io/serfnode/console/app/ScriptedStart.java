package io.serfnode.console.app;

import io.serfnode.console.session.AgentUrls;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.TrustSettings;
import io.serfnode.console.settings.TokenFile;
import io.serfnode.console.viewmodel.MainViewModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * The command line's scripted start: {@code --connect URL --token-file F}, then {@code --snapshot-png FILE}
 * once the first snapshot is on screen, then with {@code --exit} quitting with a status a script can test.
 */
final class ScriptedStart {
    /** Exit statuses of a scripted run. */
    static final int OK = 0;
    static final int BAD_TOKEN_FILE = 2;
    static final int CANNOT_CONNECT = 3;
    static final int NO_SNAPSHOT = 4;
    static final int CANNOT_WRITE = 5;

    /** How long a scripted run waits for the first snapshot before giving up. */
    static final Duration SNAPSHOT_PATIENCE = Duration.seconds(60);
    /** Pulses to let pass after the snapshot, so layout, CSS and the overview's own drawing have caught up. */
    private static final int SETTLING_PULSES = 3;

    private final MainViewModel model;
    private final PngWriter window;
    private final BooleanSupplier overviewDrawn;
    private final IntConsumer quit;
    private final PrintStream out;
    private final PrintStream err;
    private boolean finished;

    /** Writes a picture of the main window. */
    @FunctionalInterface
    interface PngWriter {
        void writePng(Path file) throws IOException;
    }

    /**
     * @param model         the console's main view model
     * @param window        writes the PNG
     * @param overviewDrawn true once the overview has drawn the members it was given
     * @param quit          ends the application with a status
     */
    ScriptedStart(MainViewModel model, PngWriter window, BooleanSupplier overviewDrawn, IntConsumer quit,
                  PrintStream out, PrintStream err) {
        this.model = model;
        this.window = window;
        this.overviewDrawn = overviewDrawn;
        this.quit = quit;
        this.out = out;
        this.err = err;
    }

    void run(LaunchOptions options) {
        if (options.connect().isEmpty()) {
            return;
        }
        String url = options.connect().get();
        Path tokenFile = options.tokenFile().orElseThrow();
        options.snapshotPng().ifPresent(png -> pngAfterFirstSnapshot(png, options.exit()));
        if (options.exit()) {
            giveUpWhenUnreachable(url);
        }
        String token;
        try {
            token = TokenFile.read(tokenFile);
        } catch (IllegalArgumentException e) {
            fail(BAD_TOKEN_FILE, e.getMessage(), options.exit());
            return;
        }
        try {
            model.connect(AgentUrls.settings(url, token, new TrustSettings.SystemTrust()));
        } catch (IllegalArgumentException wrong) {
            fail(CANNOT_CONNECT, wrong.getMessage(), options.exit());
        }
    }

    private void giveUpWhenUnreachable(String url) {
        model.phaseProperty().addListener((o, before, phase) -> {
            if (phase == ConnectionStatus.Phase.FAILED) {
                fail(CANNOT_CONNECT, "cannot connect to " + url + ": " + model.connectionProperty().get(), true);
            }
        });
        PauseTransition patience = new PauseTransition(SNAPSHOT_PATIENCE);
        patience.setOnFinished(e -> {
            if (model.snapshotsProperty().get() == 0) {
                fail(NO_SNAPSHOT, "no cluster snapshot from " + url + " within " + (int) SNAPSHOT_PATIENCE.toSeconds()
                        + " s (" + model.connectionProperty().get() + ")", true);
            }
        });
        patience.play();
    }

    private void pngAfterFirstSnapshot(Path png, boolean exit) {
        model.snapshotsProperty().addListener((o, before, count) -> {
            if (before.longValue() == 0 && count.longValue() > 0) {
                afterSettling(() -> write(png, exit));
            }
        });
    }

    /** Runs {@code action} once the overview has drawn and a few more pulses have passed. */
    private void afterSettling(Runnable action) {
        new AnimationTimer() {
            private int quietPulses;

            @Override
            public void handle(long now) {
                if (model.members().isEmpty() && model.clusterState().memberCount() > 0 || !overviewDrawn.getAsBoolean()) {
                    return;
                }
                if (++quietPulses >= SETTLING_PULSES) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private void write(Path png, boolean exit) {
        if (finished) {
            return;
        }
        try {
            window.writePng(png);
            out.println("serfnode console: wrote " + png.toAbsolutePath());
        } catch (IOException | RuntimeException failure) {
            fail(CANNOT_WRITE, "cannot write " + png + ": " + failure.getMessage(), exit);
            return;
        }
        if (exit) {
            finished = true;
            quit.accept(OK);
        }
    }

    private void fail(int status, String why, boolean exit) {
        if (finished) {
            return;
        }
        err.println("serfnode console: " + why);
        if (exit) {
            finished = true;
            quit.accept(status);
        }
    }
}
