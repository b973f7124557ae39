package io.serfnode.bench.soak;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code created} step of a process spawn says about the new member: its name, the pid of its agent
 * process and the address of its WebSocket API. The agent words the step {@code member NAME: process PID on
 * GOSSIP, ws WS, log FILE} (ProcessMemberSpawner and SpawnCommand); another wording yields nothing, and the
 * harness then finds the process by its state directory.
 *
 * @param member the new member's name
 * @param pid    its agent process
 * @param ws     {@code host:port} of its API, or null when the spawner serves none
 */
record SpawnDetail(String member, long pid, String ws) {
    private static final Pattern CREATED = Pattern.compile(
            "member (\\S+): process (\\d+) on \\S+?(?:, ws (\\S+?))?(?:, log .*)?");

    static Optional<SpawnDetail> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Matcher matcher = CREATED.matcher(detail.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SpawnDetail(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3)));
    }
}
