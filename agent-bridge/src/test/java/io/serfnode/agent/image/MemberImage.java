package io.serfnode.agent.image;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The member image the tests run, built once per test JVM by {@code scripts/member-image} from the agent
 * this build just packaged, on the local Debian base ({@code scripts/member-base}, made once per machine).
 */
public final class MemberImage {
    public static final String TAG = "serfnode-test/member:latest";

    private static boolean built;

    private MemberImage() {
    }

    /** The image's tag, once it holds the agent of this build; fails with the script's output otherwise. */
    public static synchronized String build() throws IOException, InterruptedException {
        if (built) {
            return TAG;
        }
        Path root = projectRoot();
        Path log = Path.of("target", "member-image.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(root.resolve("scripts/member-image").toString()))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("IMAGE", TAG);
        builder.environment().put("IMAGE_BASE", "local");
        Process process = builder.start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                fail("scripts/member-image exited with " + exit + " (output in " + log + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            // the build is ended with the test run, never left behind
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        built = true;
        return TAG;
    }

    /** The checkout: failsafe runs in agent-bridge/, whose parent holds scripts/. */
    private static Path projectRoot() {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        if (root == null || !Files.isExecutable(root.resolve("scripts/member-image"))) {
            fail("scripts/member-image not found next to " + module + ": run the tests from the checkout");
        }
        return root;
    }
}
