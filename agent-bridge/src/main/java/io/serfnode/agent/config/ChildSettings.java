package io.serfnode.agent.config;

import io.serfnode.agent.child.AutoRestart;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The child keys as written in one place (a child, or the {@code serfnode:} section's defaults), before
 * merging. {@code null} means "not written here", which merging needs to tell apart from a written value.
 */
record ChildSettings(
        Located image,
        List<String> command,
        List<String> entrypoint,
        List<String> exec,
        Map<String, String> environment,
        List<Located> volumes,
        List<Located> volumesFrom,
        List<Located> links,
        List<Located> ports,
        List<Located> expose,
        Located workingDir,
        Located user,
        Boolean privileged,
        AutoRestart autorestart,
        Set<Integer> exitCodes,
        Integer startSecs,
        Integer startRetries,
        String stopSignal,
        Integer stopWaitSecs) {

    /** Keys a process child takes; every other child key is for docker children only. */
    static final List<String> COMMON_KEYS = List.of("environment", "working_dir", "user",
            "autorestart", "exitcodes", "startsecs", "startretries", "stopsignal", "stopwaitsecs");

    /** Keys that only mean something for a docker child. */
    static final List<String> DOCKER_ONLY_KEYS = List.of("image", "command", "entrypoint", "volumes",
            "volumes_from", "links", "ports", "expose", "privileged");

    /** Keys naming what one child runs, which can never be a default for all of them. */
    static final List<String> PER_CHILD_KEYS = List.of("image", "command", "entrypoint", "exec", "links");

    /** Every key a child may have, in the order the documentation lists them. */
    static final List<String> CHILD_KEYS = List.of("image", "exec", "command", "entrypoint", "environment",
            "volumes", "volumes_from", "links", "ports", "expose", "working_dir", "user", "privileged",
            "autorestart", "exitcodes", "startsecs", "startretries", "stopsignal", "stopwaitsecs");

    /** Every key the {@code serfnode:} section takes as a default for its children. */
    static final List<String> DEFAULT_KEYS = CHILD_KEYS.stream().filter(key -> !PER_CHILD_KEYS.contains(key)).toList();
}
