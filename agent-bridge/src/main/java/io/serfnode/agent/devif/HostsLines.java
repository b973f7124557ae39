package io.serfnode.agent.devif;

import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code <ip> <name>} lines Serfnode publishes for name lookup, from alive members only:
 *
 * <ol>
 *   <li>one line per role, sorted by role: the service address ({@link DeveloperTags#serviceIp}) of the
 *       oldest alive member of that role, in {@link OldestFirst} order, so that every member of the
 *       cluster points a role at the same member, and that choice only moves when that member goes;</li>
 *   <li>one line per alive member, sorted by name, whose name is a valid host name and not also a role
 *       name (the role line wins).</li>
 * </ol>
 *
 * Roles that are not valid host names ({@link HostNames}) get no line.
 */
final class HostsLines {
    private HostsLines() {
    }

    static List<String> of(DeveloperView view) {
        List<Member> alive = view.members().stream()
                .filter(member -> member.status() == MemberStatus.ALIVE)
                .sorted(OldestFirst.INSTANCE)
                .toList();
        Map<String, Member> oldestByRole = new TreeMap<>();
        for (Member member : alive) {
            for (String role : member.roles()) {
                if (HostNames.isValid(role)) {
                    oldestByRole.putIfAbsent(role, member);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        oldestByRole.forEach((role, member) -> lines.add(DeveloperTags.serviceIp(member) + " " + role));
        alive.stream()
                .filter(member -> HostNames.isValid(member.name()) && !oldestByRole.containsKey(member.name()))
                .sorted(Comparator.comparing(Member::name))
                .forEach(member -> lines.add(DeveloperTags.serviceIp(member) + " " + member.name()));
        return lines;
    }

    static String text(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
