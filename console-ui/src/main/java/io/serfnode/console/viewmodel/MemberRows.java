package io.serfnode.console.viewmodel;

import io.serfnode.console.state.MemberView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * The member list the views show, changed in whole pulses: a new roster replaces every row, while the members
 * a pulse touched are replaced in place, all of them in one change. Replacing the whole list for a few changed
 * members made the list redraw every visible row each pulse; an observable array list's {@code set} sends one
 * change per member.
 */
final class MemberRows extends ObservableListBase<MemberView> {
    private final List<MemberView> rows = new ArrayList<>();
    private final Map<String, Integer> indexByName = new HashMap<>();

    @Override
    public MemberView get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Replaces every row (a snapshot, a member joined or was reaped, its roles or address changed). */
    void replaceAll(List<MemberView> members) {
        beginChange();
        try {
            if (!rows.isEmpty()) {
                nextRemove(0, List.copyOf(rows));
            }
            rows.clear();
            indexByName.clear();
            for (MemberView member : members) {
                indexByName.put(member.name(), rows.size());
                rows.add(member);
            }
            if (!rows.isEmpty()) {
                nextAdd(0, rows.size());
            }
        } finally {
            endChange();
        }
    }

    /**
     * Puts the given members in the rows of the same names, in one change; a member without a row is left out
     * (a roster change brings it in).
     *
     * @return how many rows changed
     */
    int update(List<MemberView> members) {
        int changed = 0;
        beginChange();
        try {
            for (MemberView member : members) {
                Integer at = indexByName.get(member.name());
                if (at == null) {
                    continue;
                }
                MemberView old = rows.get(at);
                if (old != member) {
                    rows.set(at, member);
                    nextSet(at, old);
                    changed++;
                }
            }
        } finally {
            endChange();
        }
        return changed;
    }

    /** The row of the named member, or -1. */
    int indexOf(String name) {
        Integer at = indexByName.get(name);
        return at == null ? -1 : at;
    }
}
