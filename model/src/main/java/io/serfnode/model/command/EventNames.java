package io.serfnode.model.command;

import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;

/** Checks the names operators give to user events and queries. */
final class EventNames {
    private EventNames() {
    }

    static String operatorName(String name, String field) {
        Require.text(name, field);
        if (name.startsWith(Command.RESERVED_PREFIX)) {
            throw new InvalidValueException(field, "names starting with '" + Command.RESERVED_PREFIX
                    + "' are reserved for Serfnode itself, found '" + name + "'");
        }
        return name;
    }
}
