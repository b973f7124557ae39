package io.serfnode.bench.console;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The control the spawn benchmark presses in the console. */
enum ClickTarget {
    /** The member detail's "+1 like this" button, the member to copy selected: the spawner's default runtime. */
    LIKE_BUTTON("like", "\"+1 like this\""),
    /** The Spawn dialog's Spawn button, the form filled in ("like member", the runtime chosen). */
    SPAWN_DIALOG("dialog", "Spawn dialog's Spawn button");

    private final String option;
    private final String label;

    ClickTarget(String option, String label) {
        this.option = option;
        this.label = label;
    }

    /** Its word in options: {@code like} or {@code dialog}. */
    String option() {
        return option;
    }

    /** How a report names it. */
    String label() {
        return label;
    }

    static ClickTarget parse(String option, String value) {
        for (ClickTarget target : values()) {
            if (target.option.equals(value)) {
                return target;
            }
        }
        throw new IllegalArgumentException(option + ": expected one of " + Arrays.stream(values())
                .map(ClickTarget::option).collect(Collectors.joining(", ")) + ", was '" + value + "'");
    }
}
