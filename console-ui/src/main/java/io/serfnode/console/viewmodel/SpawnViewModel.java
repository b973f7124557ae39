package io.serfnode.console.viewmodel;

import io.serfnode.console.fx.UiThread;
import io.serfnode.console.session.CommandListener;
import io.serfnode.console.state.MemberView;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.command.Progress;
import io.serfnode.model.command.QueryAckProgress;
import io.serfnode.model.command.QueryResponseProgress;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.ResultMessage;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Spawns new members: from a template or like an existing member, with optional roles, count, runtime and
 * spawner. Validates as the operator types, lists the agent's progress steps as they arrive, and ends with the
 * new members' names or the agent's reason in plain words. The templates the agent names when it rejects an
 * unknown one are offered from then on.
 */
public final class SpawnViewModel {
    /** The agent's rejection of an unknown template ends with the templates it has. */
    private static final Pattern AVAILABLE = Pattern.compile("available: (.*)$");

    private final CommandSender sender;
    private final UiThread ui;
    private final Supplier<List<MemberView>> members;

    private final ObjectProperty<SpawnSource> source = new SimpleObjectProperty<>(SpawnSource.LIKE_MEMBER);
    private final StringProperty template = new SimpleStringProperty("");
    private final StringProperty likeMember = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("");
    private final IntegerProperty count = new SimpleIntegerProperty(1);
    /** Null lets the spawner choose. */
    private final ObjectProperty<RuntimeKind> runtime = new SimpleObjectProperty<>();
    /** Empty means the agent the console talks to. */
    private final StringProperty spawner = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sendable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ActionState> action = new ReadOnlyObjectWrapper<>(ActionState.IDLE);
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<String> spawned = FXCollections.observableArrayList();
    private final ObservableList<String> templates;
    private final ObservableList<String> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> spawnedView = FXCollections.unmodifiableObservableList(spawned);
    private final ObservableList<String> templatesView;

    /**
     * @param sender  sends through the current session
     * @param ui      where results are shown
     * @param members the cluster's members now, for "like this member" choices and role look-ups
     */
    public SpawnViewModel(CommandSender sender, UiThread ui, Supplier<List<MemberView>> members) {
        this(sender, ui, members, FXCollections.observableArrayList());
    }

    /**
     * @param knownTemplates templates learnt so far, shared between forms of one console
     */
    public SpawnViewModel(CommandSender sender, UiThread ui, Supplier<List<MemberView>> members,
                          ObservableList<String> knownTemplates) {
        this.sender = sender;
        this.ui = ui;
        this.members = members;
        this.templates = knownTemplates;
        this.templatesView = FXCollections.unmodifiableObservableList(knownTemplates);
        source.addListener((o, a, b) -> validate());
        template.addListener((o, a, b) -> validate());
        likeMember.addListener((o, a, b) -> validate());
        role.addListener((o, a, b) -> validate());
        count.addListener((o, a, b) -> validate());
        runtime.addListener((o, a, b) -> validate());
        spawner.addListener((o, a, b) -> validate());
        action.addListener((o, a, b) -> validate());
        validate();
    }

    /** Fills the form to copy {@code member} once. */
    public SpawnViewModel presetLike(String member) {
        source.set(SpawnSource.LIKE_MEMBER);
        likeMember.set(member);
        role.set("");
        count.set(1);
        return this;
    }

    /** The first member (by name) with {@code roleName} among its roles, the one "+1 like this role" copies. */
    public Optional<String> firstMemberOfRole(String roleName) {
        return members.get().stream()
                .filter(m -> m.member().roles().contains(roleName))
                .map(MemberView::name)
                .sorted()
                .findFirst();
    }

    /** Names of the cluster's members, sorted: the choices for "like" and "spawner". */
    public List<String> memberNames() {
        return members.get().stream().map(MemberView::name).sorted().toList();
    }

    /** Builds the command from the form; throws {@link InvalidValueException} naming the field in question. */
    public SpawnMember command() {
        String templateName = source.get() == SpawnSource.TEMPLATE ? blankToNull(template.get()) : null;
        String like = source.get() == SpawnSource.LIKE_MEMBER ? blankToNull(likeMember.get()) : null;
        if (templateName == null && like == null) {
            throw new InvalidValueException(source.get() == SpawnSource.TEMPLATE ? "template" : "likeMember",
                    source.get() == SpawnSource.TEMPLATE ? "name a template" : "choose the member to copy");
        }
        if (templateName != null && templateName.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValueException("template", "a template name is one word, found '" + templateName + "'");
        }
        return new SpawnMember(templateName, like, blankToNull(role.get()), count.get(), runtime.get(),
                blankToNull(spawner.get()));
    }

    /** Sends the spawn; does nothing while the form has a problem or a spawn is running. */
    public void spawn() {
        if (!sendable.get()) {
            return;
        }
        SpawnMember command = command();
        String what = describe(command);
        steps.clear();
        spawned.clear();
        action.set(new ActionState(ActionState.Phase.RUNNING, "Spawning " + what + " …"));
        Run run = new Run(what);
        try {
            sender.send(command, run);
        } catch (RuntimeException failure) {
            run.onError(failure);
        }
    }

    /** "2 members like web-1", "1 member from template 'cache'". */
    static String describe(SpawnMember command) {
        String members = command.count() == 1 ? "1 member" : command.count() + " members";
        return command.template() != null ? members + " from template '" + command.template() + "'"
                : members + " like " + command.likeMember();
    }

    private void validate() {
        String why;
        try {
            SpawnMember command = command();
            why = command.spawner() != null && command.spawner().chars().anyMatch(Character::isWhitespace)
                    ? "The spawner is one member's name." : "";
        } catch (InvalidValueException e) {
            why = label(e.field()) + ": " + e.problem() + (e.problem().endsWith(".") ? "" : ".");
        }
        problem.set(why);
        sendable.set(why.isEmpty() && !action.get().isRunning());
    }

    /** The form's words for the command's fields. */
    private static String label(String field) {
        return switch (field) {
            case "template" -> "Template";
            case "likeMember" -> "Like member";
            case "role" -> "Role";
            case "count" -> "Count";
            case "runtime" -> "Runtime";
            case "spawner" -> "Spawner";
            default -> field;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Collects one spawn's steps and result off the UI thread and shows them on it. */
    private final class Run implements CommandListener {
        private final String what;

        Run(String what) {
            this.what = what;
        }

        @Override
        public void onStart(Closeable handle) {
            // the spawn is on its way; "running" is shown already
        }

        @Override
        public void onNext(Progress progress) {
            String line = switch (progress) {
                case StepProgress s -> s.detail() == null ? s.step() : s.step() + ": " + s.detail();
                case QueryAckProgress ack -> "acknowledged by " + ack.from();
                case QueryResponseProgress response -> "answer from " + response.from();
            };
            ui.post(() -> {
                steps.add(line);
                action.set(new ActionState(ActionState.Phase.RUNNING, "Spawning " + what + " … " + line));
            });
        }

        @Override
        public void onError(Throwable failure) {
            String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            ui.post(() -> action.set(new ActionState(ActionState.Phase.FAILED,
                    "Spawning " + what + " could not be sent: " + why)));
        }

        @Override
        public void onComplete(ResultMessage result) {
            ui.post(() -> finish(result));
        }

        private void finish(ResultMessage result) {
            if (result.isOk()) {
                List<String> names = result.value() instanceof SpawnedMembers s ? s.members() : List.of();
                spawned.setAll(names);
                action.set(new ActionState(ActionState.Phase.SUCCEEDED, names.isEmpty() ? "Spawned " + what
                        : "Spawned " + String.join(", ", names) + "; " + (names.size() == 1 ? "it has" : "they have")
                                + " joined the cluster"));
                return;
            }
            offerTemplatesFrom(result.error());
            String outcome = switch (result.outcome()) {
                case OK -> "succeeded";
                case REJECTED -> "was rejected";
                case FAILED -> "failed";
                case TIMEOUT -> "timed out (members may still join)";
            };
            action.set(new ActionState(ActionState.Phase.FAILED, "Spawning " + what + " " + outcome + ": "
                    + result.error()));
        }
    }

    private void offerTemplatesFrom(String error) {
        Matcher matcher = AVAILABLE.matcher(error == null ? "" : error.strip());
        if (matcher.find()) {
            List<String> names = new ArrayList<>(Arrays.stream(matcher.group(1).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList());
            names.sort(String::compareTo);
            templates.setAll(names);
        }
    }

    public ObjectProperty<SpawnSource> sourceProperty() {
        return source;
    }

    public StringProperty templateProperty() {
        return template;
    }

    public StringProperty likeMemberProperty() {
        return likeMember;
    }

    /** Roles for the new members, space separated; empty keeps the source's. */
    public StringProperty roleProperty() {
        return role;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    /** Null lets the spawner choose. */
    public ObjectProperty<RuntimeKind> runtimeProperty() {
        return runtime;
    }

    /** Empty: the agent the console talks to. */
    public StringProperty spawnerProperty() {
        return spawner;
    }

    /** Why the spawn cannot be sent, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendableProperty() {
        return sendable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActionState> actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** The agent's progress steps of the running or last spawn, in arrival order. */
    public ObservableList<String> steps() {
        return stepsView;
    }

    /** The new members' names once the spawn succeeded. */
    public ObservableList<String> spawned() {
        return spawnedView;
    }

    /** Templates the agent said it has (learnt from its rejection of an unknown one). */
    public ObservableList<String> templates() {
        return templatesView;
    }
}
