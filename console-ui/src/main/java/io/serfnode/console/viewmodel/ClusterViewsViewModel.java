package io.serfnode.console.viewmodel;

import io.serfnode.console.fx.UiThread;
import io.serfnode.console.session.CommandListener;
import io.serfnode.model.command.Progress;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.command.ViewReport;
import io.serfnode.model.wire.ResultMessage;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The split-brain view: while connected, runs the agent's {@code view-check} every few seconds, and soon
 * after membership changes (debounced, so a burst of joins costs one check), and shows whether the members'
 * views agree and which members see which. Time moves with {@link #tick()}, which the window calls about
 * once a second; one check runs at a time.
 */
public final class ClusterViewsViewModel {
    /** How often the views are checked while nothing happens. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** How long after a membership change the next check runs; more changes within it do not delay it. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(1);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The verdict of the last check. */
    public enum Verdict { UNKNOWN, AGREE, DIFFER }

    private final CommandSender sender;
    private final UiThread ui;
    private final Clock clock;
    private final Duration interval;
    private final Duration debounce;

    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(Verdict.UNKNOWN);
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper("views not checked");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("Connect to a cluster to check its views.");
    private final ObservableList<ViewGroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<String> noAnswer = FXCollections.observableArrayList();
    private final ObservableList<ViewGroupRow> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObservableList<String> noAnswerView = FXCollections.unmodifiableObservableList(noAnswer);

    private boolean connected;
    private boolean checking;
    private long generation;
    private Instant nextCheck;

    public ClusterViewsViewModel(CommandSender sender, UiThread ui, Clock clock) {
        this(sender, ui, clock, DEFAULT_INTERVAL, DEFAULT_DEBOUNCE);
    }

    public ClusterViewsViewModel(CommandSender sender, UiThread ui, Clock clock, Duration interval, Duration debounce) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("view-check interval: must be positive, found " + interval);
        }
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("view-check debounce: must not be negative, found " + debounce);
        }
        this.sender = sender;
        this.ui = ui;
        this.clock = clock;
        this.interval = interval;
        this.debounce = debounce;
    }

    /** The session is connected (checks start at once) or not (checks stop; the last verdict is forgotten). */
    public void setConnected(boolean nowConnected) {
        if (nowConnected == connected) {
            return;
        }
        connected = nowConnected;
        generation++;
        checking = false;
        if (connected) {
            nextCheck = clock.instant();
            tick();
        } else {
            nextCheck = null;
            groups.clear();
            noAnswer.clear();
            show(Verdict.UNKNOWN, "views not checked", "Not connected.");
        }
    }

    /** A member joined, failed or left: check again soon. */
    public void membershipChanged() {
        if (!connected) {
            return;
        }
        Instant soon = clock.instant().plus(debounce);
        if (nextCheck == null || soon.isBefore(nextCheck)) {
            nextCheck = soon;
        }
    }

    /** Runs a check when one is due; called about once a second. */
    public void tick() {
        if (connected && !checking && nextCheck != null && !clock.instant().isBefore(nextCheck)) {
            checkNow();
        }
    }

    /** Runs a check now, unless one is running or the console is not connected. */
    public void checkNow() {
        if (!connected || checking) {
            return;
        }
        checking = true;
        nextCheck = null;
        if (verdict.get() == Verdict.UNKNOWN) {
            badge.set("checking views …");
        }
        Check check = new Check(generation);
        try {
            sender.send(ViewCheck.withDefaults(), check);
        } catch (RuntimeException failure) {
            check.onError(failure);
        }
    }

    private void finished(long owner, ViewReport report, String failure) {
        if (owner != generation) {
            return; // a check from before a reconnect: the cluster may have changed since
        }
        checking = false;
        Instant now = clock.instant();
        if (nextCheck == null || nextCheck.isAfter(now.plus(interval))) {
            nextCheck = now.plus(interval);
        }
        String at = AT.format(now.atZone(ZoneId.systemDefault()));
        if (report == null) {
            groups.clear();
            noAnswer.clear();
            show(Verdict.UNKNOWN, "views unknown", "The check at " + at + " did not answer: " + failure);
            return;
        }
        List<ViewGroupRow> rows = report.groups().stream().map(ViewGroupRow::of).toList();
        if (!groups.equals(rows)) {
            groups.setAll(rows);
        }
        if (!noAnswer.equals(report.noAnswer())) {
            noAnswer.setAll(report.noAnswer());
        }
        String silent = report.noAnswer().isEmpty() ? "" : ", " + report.noAnswer().size() + " no answer";
        if (report.agree()) {
            show(Verdict.AGREE, "views agree" + (report.noAnswer().isEmpty() ? "" : " (" + report.noAnswer().size()
                    + " no answer)"), "Every member that answered sees the same membership (checked " + at + silent + ").");
        } else {
            show(Verdict.DIFFER, "views differ: " + report.groups().size() + " groups",
                    "Members that hear each other see different memberships: a partition forming or healing"
                            + " (checked " + at + silent + ").");
        }
    }

    private void show(Verdict newVerdict, String badgeText, String detailText) {
        verdict.set(newVerdict);
        badge.set(badgeText);
        detail.set(detailText);
    }

    /** One check's answer, taken to the UI thread. */
    private final class Check implements CommandListener {
        private final long owner;

        Check(long owner) {
            this.owner = owner;
        }

        @Override
        public void onStart(Closeable handle) {
            // nothing to show until the answer
        }

        @Override
        public void onNext(Progress progress) {
            // a view check reports once, at the end
        }

        @Override
        public void onError(Throwable failure) {
            String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            ui.post(() -> finished(owner, null, why));
        }

        @Override
        public void onComplete(ResultMessage result) {
            ui.post(() -> {
                if (result.isOk() && result.value() instanceof ViewReport report) {
                    finished(owner, report, null);
                } else {
                    finished(owner, null, result.isOk() ? "no report in the answer"
                            : result.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + result.error());
                }
            });
        }
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** "views agree", "views differ: 2 groups", "views unknown". */
    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    /** One sentence on the last check, for the panel. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The groups of the last check, the largest first. */
    public ObservableList<ViewGroupRow> groups() {
        return groupsView;
    }

    /** Members the last check got no answer from. */
    public ObservableList<String> noAnswer() {
        return noAnswerView;
    }
}
