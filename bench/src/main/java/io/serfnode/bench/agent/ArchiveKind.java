package io.serfnode.bench.agent;

import java.nio.file.Path;
import java.util.List;

/**
 * How a profile keeps what the JVM learnt while starting the agent. The harness's warm-up run (never
 * measured) makes the archive; the measured runs use it.
 */
public enum ArchiveKind {
    /** The JDK's own default CDS archive only. */
    NONE("") {
        @Override
        List<String> makingOpts(Path archive) {
            return List.of();
        }

        @Override
        List<String> usingOpts(Path archive) {
            return List.of();
        }
    },
    /** AppCDS as a dynamic archive on top of the JDK's: written at the first exit, used from then on. */
    CDS(".jsa") {
        @Override
        List<String> makingOpts(Path archive) {
            return usingOpts(archive);
        }

        @Override
        List<String> usingOpts(Path archive) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive");
        }
    },
    /**
     * The JDK 25 AOT cache (JEP 483, 514, 515): classes loaded and linked ahead of time plus method
     * profiles, recorded by a training run that ends with the JVM's exit.
     */
    AOT(".aot") {
        @Override
        List<String> makingOpts(Path archive) {
            return List.of("-XX:AOTCacheOutput=" + archive);
        }

        @Override
        List<String> usingOpts(Path archive) {
            return List.of("-XX:AOTCache=" + archive);
        }
    };

    private final String suffix;

    ArchiveKind(String suffix) {
        this.suffix = suffix;
    }

    /** The archive file of {@code profile} in {@code directory}. */
    Path fileIn(Path directory, String profile) {
        return directory.resolve(profile + suffix);
    }

    /** Flags for the warm-up run that writes the archive. */
    abstract List<String> makingOpts(Path archive);

    /** Flags for the measured runs that read it. */
    abstract List<String> usingOpts(Path archive);
}
