package io.serfnode.bench.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named set of JVM flags the measured member runs with (through {@code SERFNODE_JAVA_OPTS}), and the
 * archive it keeps between runs.
 */
public record JvmProfile(String name, List<String> flags, ArchiveKind archive) {
    private static final List<String> SMALL_FLAGS = List.of(
            "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-Xss256k",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=64m", "-XX:+UseCompactObjectHeaders");

    /** The JVM's own choices: G1, a heap of a quarter of the machine's memory, both JIT compilers. */
    public static final JvmProfile DEFAULT = new JvmProfile("default", List.of(), ArchiveKind.NONE);
    /** Only the serial collector, which has no concurrent threads and small side tables. */
    public static final JvmProfile SERIAL = new JvmProfile("serial", List.of("-XX:+UseSerialGC"), ArchiveKind.NONE);
    /** Serial collector, a small heap and stacks, the C1 compiler only, compact object headers. */
    public static final JvmProfile SMALL = new JvmProfile("small", SMALL_FLAGS, ArchiveKind.NONE);
    /** {@link #SMALL} with an AppCDS dynamic archive. */
    public static final JvmProfile SMALL_CDS = new JvmProfile("small-cds", SMALL_FLAGS, ArchiveKind.CDS);
    /** {@link #SMALL} with a JDK 25 AOT cache. */
    public static final JvmProfile SMALL_AOT = new JvmProfile("small-aot", SMALL_FLAGS, ArchiveKind.AOT);
    /** The default flags with a JDK 25 AOT cache: how much the cache alone gives. */
    public static final JvmProfile DEFAULT_AOT = new JvmProfile("default-aot", List.of(), ArchiveKind.AOT);

    public JvmProfile {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("profile name '" + name
                    + "' must be lower-case letters, digits, '_', '.' or '-' (it names files)");
        }
        flags = List.copyOf(flags);
        Objects.requireNonNull(archive, "archive");
    }

    public static Map<String, JvmProfile> presets() {
        Map<String, JvmProfile> presets = new LinkedHashMap<>();
        for (JvmProfile profile : List.of(DEFAULT, SERIAL, SMALL, SMALL_CDS, SMALL_AOT, DEFAULT_AOT)) {
            presets.put(profile.name(), profile);
        }
        return presets;
    }

    /**
     * Parses {@code NAME[/cds|/aot]=FLAGS}, FLAGS separated by blanks, as the {@code --define} option
     * takes it.
     */
    public static JvmProfile parse(String definition) {
        int equals = definition.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--define '" + definition + "': expected NAME[/cds|/aot]=FLAGS");
        }
        String head = definition.substring(0, equals);
        String body = definition.substring(equals + 1).trim();
        ArchiveKind archive = ArchiveKind.NONE;
        int slash = head.indexOf('/');
        if (slash >= 0) {
            String kind = head.substring(slash + 1);
            archive = switch (kind) {
                case "cds" -> ArchiveKind.CDS;
                case "aot" -> ArchiveKind.AOT;
                default -> throw new IllegalArgumentException("--define '" + definition + "': archive '" + kind
                        + "' is not one of cds, aot");
            };
            head = head.substring(0, slash);
        }
        List<String> flags = body.isEmpty() ? List.of() : Arrays.asList(body.split("\\s+"));
        return new JvmProfile(head, flags, archive);
    }

    /** The flags of a run: the profile's, then those that make or use its archive. */
    List<String> runFlags(List<String> archiveOpts) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(archiveOpts);
        return all;
    }

    /** How the flags read in a report. */
    public String describe() {
        String base = flags.isEmpty() ? "(none)" : String.join(" ", flags);
        return switch (archive) {
            case NONE -> base;
            case CDS -> base + " + AppCDS (-XX:SharedArchiveFile -XX:+AutoCreateSharedArchive)";
            case AOT -> base + " + AOT cache (-XX:AOTCache, trained by -XX:AOTCacheOutput)";
        };
    }
}
