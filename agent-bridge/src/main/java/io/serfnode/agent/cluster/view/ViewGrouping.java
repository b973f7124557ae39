package io.serfnode.agent.cluster.view;

import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Turns the answers to one view check into a {@link ViewReport}. */
public final class ViewGrouping {
    private ViewGrouping() {
    }

    /**
     * @param answers  each answering member's view, by member name
     * @param expected the members that should have answered; those that did not are "no answer"
     */
    public static ViewReport report(Map<String, LocalView> answers, Collection<String> expected) {
        Map<String, List<Map.Entry<String, LocalView>>> byDigest = new LinkedHashMap<>();
        answers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(answer -> byDigest.computeIfAbsent(answer.getValue().digest(), digest -> new ArrayList<>())
                        .add(answer));
        List<ViewGroup> groups = new ArrayList<>();
        for (List<Map.Entry<String, LocalView>> same : byDigest.values()) {
            List<String> members = same.stream().map(Map.Entry::getKey).toList();
            groups.add(group(members, mostComplete(same)));
        }
        groups.sort(Comparator.comparingInt((ViewGroup group) -> group.members().size()).reversed()
                .thenComparing(ViewGroup::digest));
        TreeSet<String> silent = new TreeSet<>(expected);
        silent.removeAll(answers.keySet());
        return new ViewReport(groups, List.copyOf(silent));
    }

    /** Equal digests mean equal views, but one answer may have had to leave out more names than another. */
    private static LocalView mostComplete(List<Map.Entry<String, LocalView>> same) {
        return same.stream().map(Map.Entry::getValue)
                .max(Comparator.comparingInt(view -> view.failedMembers().size()))
                .orElseThrow();
    }

    private static ViewGroup group(List<String> members, LocalView view) {
        return new ViewGroup(view.digest(), members, view.alive(), view.failed(), view.left(), view.failedMembers());
    }
}
