package io.serfnode.console.viewmodel;

import io.serfnode.console.fx.UiThread;
import io.serfnode.model.Payload;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.TriggerEvent;
import java.nio.charset.StandardCharsets;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Fires a user event: name, payload and coalesce, with a live count of name and payload bytes against
 * Serf's user event limit, so an event that cannot be sent is never sent.
 */
public final class TriggerEventViewModel {
    private final CommandSender sender;
    private final UiThread ui;
    private final UserEventSize size;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty payload = new SimpleStringProperty("");
    private final BooleanProperty coalesce = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper usedBytes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper maxBytes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper byteCount = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sendable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ActionState> action = new ReadOnlyObjectWrapper<>(ActionState.IDLE);

    public TriggerEventViewModel(CommandSender sender, UiThread ui, UserEventSize size) {
        this.sender = sender;
        this.ui = ui;
        this.size = size;
        name.addListener((o, a, b) -> recount());
        payload.addListener((o, a, b) -> recount());
        action.addListener((o, a, b) -> recount());
        recount();
    }

    /** Sends the event; does nothing while the input is not sendable. */
    public void trigger() {
        if (!sendable.get()) {
            return;
        }
        String eventName = name.get().strip();
        Command command = new TriggerEvent(eventName, Payload.ofText(payload.get()), coalesce.get());
        CommandRun run = new CommandRun(ui, action::set, "Sending " + eventName + " …", "Sent " + eventName,
                (outcome, why) -> "Event " + eventName + " " + outcome + ": " + why);
        run.started();
        try {
            sender.send(command, run);
        } catch (RuntimeException failure) {
            run.onError(failure);
        }
    }

    private void recount() {
        String eventName = name.get() == null ? "" : name.get().strip();
        byte[] bytes = (payload.get() == null ? "" : payload.get()).getBytes(StandardCharsets.UTF_8);
        int used = UserEventSize.used(eventName, bytes);
        int max = size.maxFor(eventName);
        usedBytes.set(used);
        maxBytes.set(max);
        byteCount.set(used + " / " + max + " bytes");
        String why = "";
        if (eventName.isEmpty()) {
            why = "Name the event.";
        } else if (eventName.startsWith(Command.RESERVED_PREFIX)) {
            why = "Names starting with '" + Command.RESERVED_PREFIX + "' are reserved for Serfnode itself.";
        } else if (eventName.chars().anyMatch(Character::isWhitespace)) {
            why = "The name must be one word (no spaces).";
        } else if (!size.fits(eventName, bytes)) {
            why = "Name and payload are " + (used - max) + " bytes over Serf's limit of " + max + " bytes.";
        }
        problem.set(why);
        sendable.set(why.isEmpty() && !action.get().isRunning());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty payloadProperty() {
        return payload;
    }

    public BooleanProperty coalesceProperty() {
        return coalesce;
    }

    public ReadOnlyIntegerProperty usedBytesProperty() {
        return usedBytes.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty maxBytesProperty() {
        return maxBytes.getReadOnlyProperty();
    }

    /** "123 / 474 bytes". */
    public ReadOnlyStringProperty byteCountProperty() {
        return byteCount.getReadOnlyProperty();
    }

    /** Why the event cannot be sent, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendableProperty() {
        return sendable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActionState> actionProperty() {
        return action.getReadOnlyProperty();
    }
}
