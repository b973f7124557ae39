package io.serfnode.agent.devif;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a child may name an event, and which event names may select a handler file.
 *
 * <p>Child event names are letters, digits and {@code _ . : @ + -}, at most {@value #MAX_NAME_LENGTH}
 * characters: names that work as a file name under {@code handlers/}, as a word on a command line and in
 * serf's own {@code -event-handler user:NAME=script} filters (which split on {@code =} and {@code ,}).
 * Names starting with {@value #RESERVED_PREFIX} belong to Serfnode.
 */
public final class EventNameRules {
    /** Prefix of Serfnode's own events and queries. */
    public static final String RESERVED_PREFIX = "serfnode.";
    public static final int MAX_NAME_LENGTH = 128;

    private static final Pattern CHILD_EVENT_NAME = Pattern.compile("[A-Za-z0-9_.:@+-]+");

    private EventNameRules() {
    }

    /** Why a child may not raise an event with this name, or empty when it may. */
    public static Optional<String> childEventProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the event name is empty");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            return Optional.of("event names starting with '" + RESERVED_PREFIX + "' are reserved for Serfnode");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("the event name is " + name.length() + " characters long, at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        if (!CHILD_EVENT_NAME.matcher(name).matches()) {
            return Optional.of("the event name may only hold letters, digits and _ . : @ + -");
        }
        return handlerNameProblem(name);
    }

    /** Why this event name cannot select a file under {@code handlers/}, or empty when it can. */
    public static Optional<String> handlerNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the event name is empty");
        }
        if (name.contains("/") || name.contains("..") || name.equals(".") || name.indexOf('\0') >= 0) {
            return Optional.of("the event name must not contain '/' or '..'");
        }
        return Optional.empty();
    }
}
