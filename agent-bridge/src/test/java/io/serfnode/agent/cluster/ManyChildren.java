package io.serfnode.agent.cluster;

import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Children of a member with names and command lines as long as the protocol allows, and then some. */
final class ManyChildren {
    private ManyChildren() {
    }

    /** A child name of exactly {@link ClusterNames#MAX_NAME_BYTES} bytes, unique by its number. */
    static String longName(int number) {
        String prefix = String.format("child-%03d-", number);
        return prefix + "n".repeat(ClusterNames.MAX_NAME_BYTES - prefix.length());
    }

    static List<SupervisedChild> of(int count) {
        List<SupervisedChild> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Child child = i % 2 == 0
                    ? Child.process(longName(i), "/usr/local/bin/worker --id " + i + " " + "--verbose ".repeat(40))
                    : Child.docker(longName(i), "registry.example.com/team/image-" + i + ":1.0");
            ChildStatus status = new ChildStatus(SupervisorState.RUNNING, Instant.parse("2024-05-01T10:00:00Z")
                    .plusSeconds(i), 4_000_000L + i, i % 2 == 0 ? null : "f".repeat(64), 137, 3, 1000 + i, 5000L + i);
            children.add(new SupervisedChild(child, status));
        }
        return children;
    }
}
