package io.serfnode.agent.devif;

import io.serfnode.model.Member;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The stdin of a membership event handler, as serf gives it to its own handlers: one line per member,
 * {@code name TAB address TAB role TAB tags}, where role is the {@code role} tag as written and tags are
 * {@code key=value} pairs joined by commas (sorted by key here, for a stable order). Tabs and newlines in
 * the name, role and tags are written as {@code \t} and {@code \n}.
 */
final class MemberEventLines {
    private MemberEventLines() {
    }

    static String of(List<Member> members) {
        StringBuilder lines = new StringBuilder();
        for (Member member : members) {
            String tags = new TreeMap<>(member.tags()).entrySet().stream()
                    .map(tag -> tag.getKey() + "=" + tag.getValue())
                    .collect(Collectors.joining(","));
            lines.append(clean(member.name())).append('\t')
                    .append(member.address()).append('\t')
                    .append(clean(member.tags().getOrDefault("role", ""))).append('\t')
                    .append(clean(tags)).append('\n');
        }
        return lines.toString();
    }

    private static String clean(String value) {
        return value.replace("\t", "\\t").replace("\n", "\\n");
    }
}
