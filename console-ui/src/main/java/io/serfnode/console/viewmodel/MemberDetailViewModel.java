package io.serfnode.console.viewmodel;

import io.serfnode.console.fx.UiThread;
import io.serfnode.console.state.ChildView;
import io.serfnode.console.state.MemberView;
import io.serfnode.console.state.StateMark;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.ForceLeave;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.StartChild;
import io.serfnode.model.command.StopChild;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected member: who it is, its children with their states, the selected child's timeline, and the
 * actions on them, each with progress and a plainly worded result.
 */
public final class MemberDetailViewModel {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CommandSender sender;
    private final UiThread ui;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper since = new ReadOnlyStringWrapper("");
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> tags = FXCollections.observableArrayList();
    private final ObservableList<ChildRow> children = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> selectedChild = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StateMark> timeline = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ActionState> action = new ReadOnlyObjectWrapper<>(ActionState.IDLE);

    private final ObservableList<String> rolesView = FXCollections.unmodifiableObservableList(roles);
    private final ObservableList<Map.Entry<String, String>> tagsView = FXCollections.unmodifiableObservableList(tags);
    private final ObservableList<ChildRow> childrenView = FXCollections.unmodifiableObservableList(children);
    private final ObservableList<StateMark> timelineView = FXCollections.unmodifiableObservableList(timeline);

    private MemberView current;

    public MemberDetailViewModel(CommandSender sender, UiThread ui, Clock clock) {
        this.sender = sender;
        this.ui = ui;
        this.clock = clock;
    }

    /** Shows {@code member}, or nothing when it is absent (not selected, or gone). */
    public void show(Optional<MemberView> member) {
        String previous = current == null ? null : current.name();
        current = member.orElse(null);
        if (current == null) {
            present.set(false);
            name.set("");
            address.set("");
            status.set("");
            since.set("");
            roles.clear();
            tags.clear();
            children.clear();
            timeline.clear();
            selectedChild.set(null);
            return;
        }
        Member m = current.member();
        present.set(true);
        name.set(m.name());
        address.set(m.address() + ":" + m.port());
        status.set(m.status().serfName());
        since.set(current.statusSince() == null ? "before this session"
                : SINCE.format(current.statusSince().atZone(ZoneId.systemDefault())));
        setIfDifferent(roles, m.roles());
        setIfDifferent(tags, new ArrayList<>(new TreeMap<>(m.tags()).entrySet()));
        if (!m.name().equals(previous)) {
            selectedChild.set(null);
            action.set(ActionState.IDLE);
        }
        refreshChildren();
    }

    /** Recomputes uptimes; called about once a second. */
    public void tick() {
        if (current != null) {
            refreshChildren();
        }
    }

    /** Selects the child whose timeline is shown. */
    public void selectChild(String child) {
        selectedChild.set(child);
        refreshTimeline();
    }

    public void restartChild(String child) {
        runChild(MemberAction.RESTART_CHILD, child);
    }

    public void stopChild(String child) {
        runChild(MemberAction.STOP_CHILD, child);
    }

    public void startChild(String child) {
        runChild(MemberAction.START_CHILD, child);
    }

    public void leaveMember() {
        if (current != null) {
            run(MemberAction.LEAVE_MEMBER, current.name(), new LeaveMember(current.name()));
        }
    }

    public void forceLeave() {
        if (current != null) {
            run(MemberAction.FORCE_LEAVE, current.name(), new ForceLeave(current.name(), false));
        }
    }

    /** The target of {@code action} in words, for confirmations: "app on web-1" or "web-1". */
    public String describeTarget(MemberAction memberAction, String child) {
        String member = name.get();
        return memberAction.isChildAction() ? child + " on " + member : member;
    }

    private void runChild(MemberAction memberAction, String child) {
        if (current == null || child == null) {
            return;
        }
        String member = current.name();
        Command command = switch (memberAction) {
            case RESTART_CHILD -> new RestartChild(member, child);
            case STOP_CHILD -> new StopChild(member, child);
            case START_CHILD -> new StartChild(member, child);
            default -> throw new IllegalArgumentException(memberAction + " is not a child action");
        };
        run(memberAction, child + " on " + member, command);
    }

    private void run(MemberAction memberAction, String target, Command command) {
        CommandRun run = new CommandRun(ui, action::set, memberAction.running(target), memberAction.succeeded(target),
                (outcome, why) -> memberAction.failed(target, outcome, why));
        run.started();
        try {
            sender.send(command, run);
        } catch (RuntimeException failure) {
            run.onError(failure);
        }
    }

    private void refreshChildren() {
        Instant now = clock.instant();
        List<ChildRow> rows = new ArrayList<>(current.children().size());
        for (ChildView child : current.children()) {
            ChildStatus s = child.status();
            rows.add(new ChildRow(child.name(), s.state(), Durations.brief(Duration.between(s.since(), now)),
                    s.restarts(), s.exitCode() == null ? "" : s.exitCode().toString(), child.summary()));
        }
        setIfDifferent(children, rows);
        refreshTimeline();
    }

    private void refreshTimeline() {
        String wanted = selectedChild.get();
        if (current == null || wanted == null) {
            timeline.clear();
            return;
        }
        current.children().stream().filter(c -> c.name().equals(wanted)).findFirst()
                .ifPresentOrElse(c -> setIfDifferent(timeline, c.timeline()), timeline::clear);
    }

    private static <T> void setIfDifferent(ObservableList<T> target, List<T> rows) {
        if (!target.equals(rows)) {
            target.setAll(rows);
        }
    }

    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sinceProperty() {
        return since.getReadOnlyProperty();
    }

    public ObservableList<String> roles() {
        return rolesView;
    }

    public ObservableList<Map.Entry<String, String>> tags() {
        return tagsView;
    }

    public ObservableList<ChildRow> children() {
        return childrenView;
    }

    public ReadOnlyObjectProperty<String> selectedChildProperty() {
        return selectedChild.getReadOnlyProperty();
    }

    public ObservableList<StateMark> timeline() {
        return timelineView;
    }

    public ReadOnlyObjectProperty<ActionState> actionProperty() {
        return action.getReadOnlyProperty();
    }
}
