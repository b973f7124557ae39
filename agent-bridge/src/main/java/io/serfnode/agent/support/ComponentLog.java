package io.serfnode.agent.support;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A logger whose lines start with {@code [member][component]}, so that the interleaved output of
 * several members and components stays readable.
 */
public final class ComponentLog {
    private final Logger logger;
    private final String prefix;

    private ComponentLog(String member, String component) {
        this.logger = System.getLogger("serfnode." + component);
        this.prefix = "[" + member + "][" + component + "] ";
    }

    public static ComponentLog of(String member, String component) {
        return new ComponentLog(Objects.requireNonNull(member, "member"), Objects.requireNonNull(component, "component"));
    }

    /** The same member, another component. */
    public ComponentLog forComponent(String component) {
        return new ComponentLog(prefix.substring(1, prefix.indexOf(']')), component);
    }

    public void debug(String format, Object... args) {
        log(Level.DEBUG, null, format, args);
    }

    public void debug(Supplier<String> message) {
        if (logger.isLoggable(Level.DEBUG)) {
            logger.log(Level.DEBUG, prefix + message.get());
        }
    }

    public void info(String format, Object... args) {
        log(Level.INFO, null, format, args);
    }

    public void warn(String format, Object... args) {
        log(Level.WARNING, null, format, args);
    }

    public void warn(Throwable cause, String format, Object... args) {
        log(Level.WARNING, cause, format, args);
    }

    public void error(String format, Object... args) {
        log(Level.ERROR, null, format, args);
    }

    public void error(Throwable cause, String format, Object... args) {
        log(Level.ERROR, cause, format, args);
    }

    /** {@code format} uses {@link String#format} placeholders. */
    private void log(Level level, Throwable cause, String format, Object... args) {
        if (!logger.isLoggable(level)) {
            return;
        }
        String message = prefix + (args.length == 0 ? format : String.format(format, args));
        if (cause == null) {
            logger.log(level, message);
        } else {
            logger.log(level, message, cause);
        }
    }
}
