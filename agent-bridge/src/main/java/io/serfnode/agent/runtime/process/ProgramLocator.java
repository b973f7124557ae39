package io.serfnode.agent.runtime.process;

import io.serfnode.agent.runtime.ChildRuntimeException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the program a child runs the way {@code execvp} would, so that a missing or non-executable program
 * is reported before anything is started (the program is run through {@code setsid}, whose failure would
 * otherwise look like a crash of the child).
 */
final class ProgramLocator {
    private ProgramLocator() {
    }

    static Path locate(String child, String program, String searchPath, Path workingDir)
            throws ChildRuntimeException {
        if (program.isEmpty()) {
            throw new ChildRuntimeException("child '" + child + "': exec names an empty program");
        }
        if (program.contains("/")) {
            Path path = workingDir.resolve(program);
            if (!Files.exists(path)) {
                throw new ChildRuntimeException("child '" + child + "': program '" + program
                        + "' does not exist (looked at " + path + ")");
            }
            requireExecutable(child, program, path);
            return path;
        }
        String dirs = searchPath == null || searchPath.isEmpty() ? "/usr/local/bin:/usr/bin:/bin" : searchPath;
        for (String dir : dirs.split(File.pathSeparator)) {
            Path path = workingDir.resolve(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path;
            }
        }
        throw new ChildRuntimeException("child '" + child + "': program '" + program
                + "' was not found as an executable file on PATH (" + dirs + ")");
    }

    private static void requireExecutable(String child, String program, Path path) throws ChildRuntimeException {
        if (Files.isDirectory(path)) {
            throw new ChildRuntimeException("child '" + child + "': program '" + program + "' is a directory");
        }
        if (!Files.isExecutable(path)) {
            throw new ChildRuntimeException("child '" + child + "': program '" + program
                    + "' is not executable (chmod +x " + path + ")");
        }
    }
}
