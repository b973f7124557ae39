package io.serfnode.agent.config;

import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.model.RuntimeKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The child keys of the {@code serfnode:} section, merged into every child. A child's own value wins;
 * {@code environment} merges variable by variable; the lists ({@code volumes}, {@code volumes_from},
 * {@code ports}, {@code expose}) are appended after the child's own, as the original Serfnode did. Keys that
 * only mean something for docker children are not given to process children, and {@code volumes_from} never
 * makes a child take volumes from itself.
 */
final class Defaults {
    static final Defaults NONE = new Defaults(new ChildSettings(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null));

    private final ChildSettings settings;

    Defaults(ChildSettings settings) {
        this.settings = settings;
    }

    /** Reports {@code volumes_from} defaults that name no child of the file. */
    void checkReferences(Collection<String> children, Problems problems) {
        if (settings.volumesFrom() == null) {
            return;
        }
        for (Located from : settings.volumesFrom()) {
            String target = ChildSettingsReader.referencedChild(from.value());
            if (!children.contains(target)) {
                problems.at(from.mark(), "'volumes_from' in 'serfnode' names '" + target
                        + "', which is not a child in this file", Suggestions.closest(target, children));
            }
        }
    }

    /** The child with the defaults merged in, or empty when the result is not valid (then reported). */
    Optional<ChildSpec> mergeInto(String name, RuntimeKind runtime, ChildSettings child, Problems problems) {
        boolean docker = runtime == RuntimeKind.DOCKER;
        Map<String, String> environment = new LinkedHashMap<>(orEmpty(settings.environment()));
        environment.putAll(orEmpty(child.environment()));
        Located workingDir = first(child.workingDir(), settings.workingDir());
        Optional<Path> directory = workingDirectory(docker, workingDir, problems);
        if (workingDir != null && directory.isEmpty()) {
            return Optional.empty();
        }
        Located user = first(child.user(), settings.user());
        List<String> volumesFrom = docker
                ? appended(child.volumesFrom(), settings.volumesFrom(),
                        from -> !ChildSettingsReader.referencedChild(from.value()).equals(name))
                : List.of();
        return Optional.of(new ChildSpec(
                name,
                runtime,
                child.image() == null ? null : child.image().value(),
                child.command(),
                child.entrypoint(),
                child.exec(),
                environment,
                docker ? appended(child.volumes(), settings.volumes(), any -> true) : List.of(),
                volumesFrom,
                values(child.links()),
                docker ? appended(child.ports(), settings.ports(), any -> true) : List.of(),
                docker ? appended(child.expose(), settings.expose(), any -> true) : List.of(),
                directory.orElse(null),
                user == null ? null : user.value(),
                docker && Boolean.TRUE.equals(first(child.privileged(), settings.privileged())),
                supervision(child)));
    }

    private SupervisionPolicy supervision(ChildSettings child) {
        SupervisionPolicy policy = SupervisionPolicy.DEFAULTS;
        AutoRestart autorestart = first(child.autorestart(), settings.autorestart());
        if (autorestart != null) {
            policy = policy.withAutorestart(autorestart);
        }
        Set<Integer> exitCodes = first(child.exitCodes(), settings.exitCodes());
        if (exitCodes != null) {
            policy = policy.withExitCodes(exitCodes);
        }
        Integer startSecs = first(child.startSecs(), settings.startSecs());
        if (startSecs != null) {
            policy = policy.withStartSecs(Duration.ofSeconds(startSecs));
        }
        Integer startRetries = first(child.startRetries(), settings.startRetries());
        if (startRetries != null) {
            policy = policy.withStartRetries(startRetries);
        }
        String stopSignal = first(child.stopSignal(), settings.stopSignal());
        if (stopSignal != null) {
            policy = policy.withStopSignal(stopSignal);
        }
        Integer stopWaitSecs = first(child.stopWaitSecs(), settings.stopWaitSecs());
        if (stopWaitSecs != null) {
            policy = policy.withStopWait(Duration.ofSeconds(stopWaitSecs));
        }
        return policy;
    }

    /** Docker wants an absolute directory inside the container; a process may use a relative one. */
    private static Optional<Path> workingDirectory(boolean docker, Located directory, Problems problems) {
        if (directory == null) {
            return Optional.empty();
        }
        if (docker && !directory.value().startsWith("/")) {
            problems.at(directory.mark(), "'working_dir' of a docker child must be an absolute path inside the "
                    + "container, not '" + directory.value() + "'");
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(directory.value()));
        } catch (InvalidPathException e) {
            problems.at(directory.mark(), "'working_dir' is not a path: " + e.getReason());
            return Optional.empty();
        }
    }

    private static List<String> appended(List<Located> own, List<Located> shared, Predicate<Located> keep) {
        Set<String> merged = new LinkedHashSet<>(values(own));
        if (shared != null) {
            shared.stream().filter(keep).map(Located::value).forEach(merged::add);
        }
        return new ArrayList<>(merged);
    }

    private static List<String> values(List<Located> items) {
        return items == null ? List.of() : items.stream().map(Located::value).toList();
    }

    private static <T> T first(T own, T shared) {
        return own != null ? own : shared;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
