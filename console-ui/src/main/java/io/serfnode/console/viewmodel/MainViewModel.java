package io.serfnode.console.viewmodel;

import io.serfnode.console.fx.UiThread;
import io.serfnode.console.session.AgentUrls;
import io.serfnode.console.session.ClusterSession;
import io.serfnode.console.session.CommandListener;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.SessionListener;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.console.state.ClusterState;
import io.serfnode.console.state.MemberView;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.Command;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The console's main state: the session, the cluster reduced from its stream, the status line (agent, seq,
 * events per second), the members, the selected member, and notifications for FATAL children and failed
 * members. Session callbacks arrive on other threads and reach this model only through {@link UiThread},
 * batched: many events cost one refresh.
 */
public final class MainViewModel implements AutoCloseable {
    private final SessionFactory sessions;
    private final UiThread ui;
    private final Clock clock;
    private final ClusterState state;
    private final Object refreshKey = new Object();

    private final ReadOnlyObjectWrapper<ConnectionStatus.Phase> phase =
            new ReadOnlyObjectWrapper<>(ConnectionStatus.Phase.DISCONNECTED);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper agent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper seq = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper eventsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyLongWrapper snapshots = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper clusterRevision = new ReadOnlyLongWrapper();
    /**
     * While events stream in, the member rows, the picture (the graph redraws on {@link #clusterRevision}), the
     * event rows and the status line follow at most this often; a roster change shows at once.
     */
    static final Duration REFRESH_INTERVAL = Duration.ofMillis(100);
    /** Notifications kept for the operator (each is shown once as it arrives); older ones are dropped. */
    static final int KEPT_NOTIFICATIONS = 100;

    private final MemberRows members = new MemberRows();
    private final ObservableList<MemberView> membersView = FXCollections.unmodifiableObservableList(members);
    private final ReadOnlyObjectWrapper<String> selectedMember = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Notification> notifications = FXCollections.observableArrayList();
    private final ObservableList<Notification> notificationsView = FXCollections.unmodifiableObservableList(notifications);

    private final EventStreamViewModel events;
    private final MemberDetailViewModel detail;
    private final ClusterViewsViewModel views;
    private final ObservableList<String> knownTemplates = FXCollections.observableArrayList();

    private ClusterSession session;
    private long generation;
    private long shownRows;
    private long eventsAtLastTick;
    private Instant lastTick;
    /** When the views last began to show the state; they follow within {@link #REFRESH_INTERVAL}. */
    private Instant shownAt;
    /** The views the refresh under way has still to bring up to date, one per pulse. */
    private final EnumSet<View> behind = EnumSet.noneOf(View.class);
    /** Member rows changed since the picture was last rebuilt. */
    private boolean pictureStale;
    /** A new roster is in the picture, and its rows are still to be shown. */
    private boolean rosterRowsPending;
    /** The members the picture was last rebuilt from. */
    private List<MemberView> picture = List.of();

    public MainViewModel(SessionFactory sessions, UiThread ui, Clock clock) {
        this(sessions, ui, clock, ClusterState.Limits.DEFAULT);
    }

    public MainViewModel(SessionFactory sessions, UiThread ui, Clock clock, ClusterState.Limits limits) {
        this.sessions = sessions;
        this.ui = ui;
        this.clock = clock;
        this.state = new ClusterState(limits);
        this.events = new EventStreamViewModel(limits.eventRows());
        this.detail = new MemberDetailViewModel(this::send, ui, clock);
        this.views = new ClusterViewsViewModel(this::send, ui, clock);
        this.lastTick = clock.instant();
    }

    /** Connects to a cluster, closing any session before. */
    public void connect(ConnectionSettings settings) {
        closeSession();
        views.setConnected(false);
        long mine = ++generation;
        events.clear();
        shownRows = state.eventLog().appended();
        setStatus(ConnectionStatus.Phase.CONNECTING, "Connecting to " + AgentUrls.display(settings) + " …");
        ClusterSession opened = sessions.newSession();
        session = opened;
        opened.open(settings, new Listener(mine));
    }

    /** Closes the session; the cluster picture stays on screen until the next connect. */
    public void disconnect() {
        closeSession();
        views.setConnected(false);
        generation++;
        setStatus(ConnectionStatus.Phase.DISCONNECTED, "Disconnected");
    }

    /** Selects a member (null clears the selection). */
    public void select(String member) {
        selectedMember.set(member);
        detail.show(member == null ? java.util.Optional.empty() : state.member(member));
    }

    /** Updates rates and uptimes; the view calls it about once a second. */
    public void tick() {
        Instant now = clock.instant();
        double seconds = Duration.between(lastTick, now).toMillis() / 1000.0;
        if (seconds > 0) {
            long applied = state.eventsApplied();
            eventsPerSecond.set((applied - eventsAtLastTick) / seconds);
            eventsAtLastTick = applied;
            lastTick = now;
            composeStatusLine();
        }
        detail.tick();
        views.tick();
    }

    /**
     * Adds a notification, keeping the newest {@link #KEPT_NOTIFICATIONS}: a cluster that keeps failing must not
     * fill the console's memory with them.
     */
    private void addNotification(Notification notification) {
        notifications.add(notification);
        if (notifications.size() > KEPT_NOTIFICATIONS) {
            notifications.remove(0, notifications.size() - KEPT_NOTIFICATIONS);
        }
    }

    /** Removes a notification the operator has seen. */
    public void dismiss(Notification notification) {
        notifications.remove(notification);
    }

    /** A new spawn form sending through this model's session; templates learnt by one are offered by the next. */
    public SpawnViewModel newSpawn() {
        return new SpawnViewModel(this::send, ui, () -> List.copyOf(members), knownTemplates);
    }

    /** A new trigger-event form sending through this model's session. */
    public TriggerEventViewModel newTriggerEvent() {
        return new TriggerEventViewModel(this::send, ui, UserEventSize.DEFAULT);
    }

    @Override
    public void close() {
        disconnect();
    }

    private void send(Command command, CommandListener listener) {
        ClusterSession current = session;
        if (current == null) {
            listener.onError(new IllegalStateException("not connected to a cluster"));
            return;
        }
        current.send(command, listener);
    }

    private void closeSession() {
        ClusterSession old = session;
        session = null;
        if (old != null) {
            old.close();
        }
    }

    private void handle(SessionUpdate update) {
        switch (update) {
            case SessionUpdate.StatusChanged changed -> onStatus(changed.status());
            case SessionUpdate.SnapshotReceived snapshot -> {
                state.apply(snapshot);
                snapshots.set(state.snapshots());
            }
            case SessionUpdate.EventReceived event -> {
                state.apply(event);
                ClusterEvent clusterEvent = event.event().event();
                notifyIfAlarming(clusterEvent);
                if (clusterEvent instanceof MemberJoined || clusterEvent instanceof MemberFailed
                        || clusterEvent instanceof MemberLeft) {
                    views.membershipChanged();
                }
            }
        }
    }

    private void onStatus(ConnectionStatus status) {
        if (status.agent() != null) {
            agent.set(status.agent());
        }
        if (status.fingerprint() != null) {
            fingerprint.set(status.fingerprint());
        }
        String text = status.detail() != null && !status.detail().isBlank() ? sentence(status.detail())
                : describe(status.phase(), status.agent(), AgentUrls.endpointText(status));
        setStatus(status.phase(), text);
        views.setConnected(status.phase() == ConnectionStatus.Phase.CONNECTED);
    }

    /** The session speaks in lower case ("reconnecting via db-1 …"); the status bar starts a sentence. */
    private static String sentence(String detail) {
        String text = detail.strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String describe(ConnectionStatus.Phase phase, String agentName, String endpoint) {
        String where = agentName != null ? agentName : endpoint;
        return switch (phase) {
            case CONNECTING -> "Connecting to " + where + " …";
            case CONNECTED -> "Connected to " + where;
            case RECONNECTING -> "Reconnecting to " + where + " …";
            case FAILING_OVER -> "Failing over via " + where + " …";
            case DISCONNECTED -> "Disconnected";
            case FAILED -> "Connection failed";
        };
    }

    private void notifyIfAlarming(ClusterEvent event) {
        if (event instanceof SupervisorStateChanged change && change.to() == SupervisorState.FATAL) {
            addNotification(new Notification(Notification.Severity.ERROR, "Child FATAL",
                    change.child() + " on " + change.member() + " could not be started"
                            + (change.exitCode() == null ? "" : " (last exit " + change.exitCode() + ")") + ".",
                    change.member(), change.time()));
        } else if (event instanceof MemberFailed failed && failed.member().status() == MemberStatus.FAILED) {
            addNotification(new Notification(Notification.Severity.WARNING, "Member failed",
                    failed.member().name() + " (" + failed.member().address() + ") stopped answering.",
                    failed.member().name(), failed.time()));
        }
    }

    /**
     * Shows what the events since the last refresh changed. A roster change (or snapshot) shows at once: the
     * picture and the status line in the pulse that saw it, then the member rows with the filter choices and the
     * event rows in the next pulses. Otherwise the views follow at most every
     * {@link #REFRESH_INTERVAL}, so a storm of events costs the views ten refreshes a second, not one per pulse,
     * and each refresh is spread over three pulses: the touched members' rows (and the selected member's detail),
     * then the new event rows and the status line, then the picture, so no pulse carries all of them. The events
     * themselves are applied to the cluster state as they arrive.
     */
    private void refresh() {
        if (state.drainRosterChanged()) {
            shownAt = clock.instant();
            // JavaFX makes and styles the list's cells for a new roster in the pulse that hands it the rows, which
            // on a cold start costs as much as everything else in that pulse: the picture goes first, alone
            picture = List.copyOf(state.members());
            showDetailIfTouched(state.drainTouchedMembers());
            rebuildPicture();
            // the status bar's member count and seq go with the picture; they cost nothing to show
            showStatus();
            rosterRowsPending = true;
            behind.clear();
            behind.addAll(EnumSet.allOf(View.class));
            comeBackNextPulse();
            return;
        }
        if (behind.isEmpty()) {
            Instant now = clock.instant();
            if (shownAt != null && Duration.between(shownAt, now).compareTo(REFRESH_INTERVAL) < 0) {
                comeBackNextPulse();
                return;
            }
            shownAt = now;
            behind.addAll(EnumSet.allOf(View.class));
        }
        View next = behind.iterator().next();
        behind.remove(next);
        switch (next) {
            case ROWS -> {
                showRows(rosterRowsPending);
                rosterRowsPending = false;
            }
            case EVENTS -> showEvents();
            case PICTURE -> {
                if (pictureStale) {
                    picture = List.copyOf(members);
                    rebuildPicture();
                }
            }
        }
        if (!behind.isEmpty() || state.hasTouchedMembers() || state.eventLog().appended() != shownRows) {
            // the rest of this refresh, or what arrived after its part was shown
            comeBackNextPulse();
        }
    }

    /** The parts of a refresh, in the order they are brought up to date. */
    private enum View { ROWS, EVENTS, PICTURE }

    /** Also when no further event arrives. */
    private void comeBackNextPulse() {
        long mine = generation;
        ui.coalesce(refreshKey, () -> {
            if (mine == generation) {
                refresh();
            }
        });
    }

    private void showRows(boolean roster) {
        state.drainMembershipChanged();
        Set<String> touched = state.drainTouchedMembers();
        if (roster) {
            members.replaceAll(state.members());
            // names and roles change only with the roster; a child's transition leaves the choices as they were
            offerChoices();
            // members changed since the picture took the roster
            pictureStale |= !touched.isEmpty();
        } else if (!touched.isEmpty()) {
            List<MemberView> changed = new ArrayList<>(touched.size());
            for (String name : touched) {
                state.member(name).ifPresent(changed::add);
            }
            if (members.update(changed) > 0) {
                pictureStale = true;
            }
        }
        showDetailIfTouched(touched);
    }

    private void showDetailIfTouched(Set<String> touched) {
        String selected = selectedMember.get();
        if (selected != null && touched.contains(selected)) {
            detail.show(state.member(selected));
        }
    }

    private void showEvents() {
        events.append(state.eventLog().since(shownRows));
        shownRows = state.eventLog().appended();
        showStatus();
    }

    private void showStatus() {
        seq.set(state.seq());
        composeStatusLine();
    }

    private void rebuildPicture() {
        pictureStale = false;
        clusterRevision.set(clusterRevision.get() + 1);
    }

    private void offerChoices() {
        Set<String> roles = new TreeSet<>();
        List<String> names = new ArrayList<>();
        for (MemberView member : members) {
            roles.addAll(member.member().roles());
            names.add(member.name());
        }
        names.sort(String::compareTo);
        events.offerChoices(List.copyOf(roles), names);
    }

    private void setStatus(ConnectionStatus.Phase newPhase, String text) {
        phase.set(newPhase);
        connection.set(text);
        composeStatusLine();
    }

    private void composeStatusLine() {
        if (state.snapshots() == 0) {
            statusLine.set(connection.get());
            return;
        }
        statusLine.set(String.format("%s  ·  seq %,d  ·  %,.0f events/s  ·  %,d members",
                connection.get(), seq.get(), eventsPerSecond.get(), state.memberCount()));
    }

    /** Receives the session's stream on its thread and hands each item to the UI thread. */
    private final class Listener implements SessionListener {
        private final long owner;

        Listener(long owner) {
            this.owner = owner;
        }

        @Override
        public void onStart(Closeable handle) {
            // the session is closed through MainViewModel.disconnect
        }

        @Override
        public void onNext(SessionUpdate update) {
            ui.post(() -> {
                if (owner == generation) {
                    handle(update);
                }
            });
            ui.coalesce(refreshKey, () -> {
                if (owner == generation) {
                    refresh();
                }
            });
        }

        @Override
        public void onError(Throwable failure) {
            String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            ui.post(() -> {
                if (owner == generation) {
                    setStatus(ConnectionStatus.Phase.FAILED, "Connection failed: " + why);
                    views.setConnected(false);
                    addNotification(new Notification(Notification.Severity.ERROR, "Connection failed", why, "",
                            clock.instant()));
                }
            });
        }

        @Override
        public void onComplete() {
            ui.post(() -> {
                if (owner == generation) {
                    setStatus(ConnectionStatus.Phase.DISCONNECTED, "Disconnected");
                    views.setConnected(false);
                }
            });
        }
    }

    public ClusterState clusterState() {
        return state;
    }

    public ReadOnlyObjectProperty<ConnectionStatus.Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The connection in words: "Connected to web-1", "Failing over via db-1 …". */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentProperty() {
        return agent.getReadOnlyProperty();
    }

    /** The SHA-256 fingerprint of the agent's certificate, when on TLS. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty seqProperty() {
        return seq.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond.getReadOnlyProperty();
    }

    /** Connection, seq, events per second and member count in one line. */
    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    /** How many snapshots were applied; the first one turns the picture on. */
    public ReadOnlyLongProperty snapshotsProperty() {
        return snapshots.getReadOnlyProperty();
    }

    /**
     * Increments when the picture should be redrawn from {@link #pictureMembers()}: at once on a roster change,
     * and at most every {@link #REFRESH_INTERVAL} while members' children or status change.
     */
    public ReadOnlyLongProperty clusterRevisionProperty() {
        return clusterRevision.getReadOnlyProperty();
    }

    public ObservableList<MemberView> members() {
        return membersView;
    }

    /**
     * The members as the picture should show them, in the order of {@link #members()}; they change with
     * {@link #clusterRevisionProperty()}. A new roster is here a pulse before it is in {@link #members()}.
     */
    public List<MemberView> pictureMembers() {
        return picture;
    }

    public ReadOnlyObjectProperty<String> selectedMemberProperty() {
        return selectedMember.getReadOnlyProperty();
    }

    public ObservableList<Notification> notifications() {
        return notificationsView;
    }

    public EventStreamViewModel events() {
        return events;
    }

    public MemberDetailViewModel detail() {
        return detail;
    }

    /** Whether the members' views of the membership agree: the split-brain check. */
    public ClusterViewsViewModel views() {
        return views;
    }
}
