package io.serfnode.agent.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A member's {@code children_by_name.json} as its agent last wrote it: what a test can read from outside. */
final class ChildFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChildFiles() {
    }

    /** The child's {@code status} object, or a missing node while the file or the child is not there yet. */
    static JsonNode status(Path stateDir, String child) {
        try {
            return JSON.readTree(Files.readString(stateDir.resolve("children_by_name.json")))
                    .path(child).path("status");
        } catch (NoSuchFileException notYet) {
            return MissingNode.getInstance();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + stateDir.resolve("children_by_name.json"), e);
        }
    }

    static String state(Path stateDir, String child) {
        return status(stateDir, child).path("state").asText();
    }
}
