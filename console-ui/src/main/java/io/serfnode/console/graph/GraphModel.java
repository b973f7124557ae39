package io.serfnode.console.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the graph draws, immutable. Build a new one per change (cheaply: unchanged members are shared);
 * the view re-lays out only when names, addresses or roles change, not when a status or child state does.
 */
public final class GraphModel {
    private static final GraphModel EMPTY = new GraphModel(List.of());

    private final List<GraphMember> members;
    private final Map<String, Integer> indexByName;

    private GraphModel(List<GraphMember> members) {
        this.members = members;
        Map<String, Integer> index = new HashMap<>(members.size() * 2);
        for (int i = 0; i < members.size(); i++) {
            Integer previous = index.putIfAbsent(members.get(i).name(), i);
            if (previous != null) {
                throw new IllegalArgumentException("graph model: member name '" + members.get(i).name()
                        + "' appears twice (positions " + previous + " and " + i + ")");
            }
        }
        this.indexByName = index;
    }

    public static GraphModel empty() {
        return EMPTY;
    }

    /** @throws IllegalArgumentException when two members share a name */
    public static GraphModel of(List<GraphMember> members) {
        return members.isEmpty() ? EMPTY : new GraphModel(List.copyOf(members));
    }

    public List<GraphMember> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public Optional<GraphMember> member(String name) {
        Integer i = indexByName.get(name);
        return i == null ? Optional.empty() : Optional.of(members.get(i));
    }

    /** Position of the member in {@link #members()}, or -1. */
    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    /** Every role carried by some member, sorted. */
    public List<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        for (GraphMember m : members) {
            roles.addAll(m.roles());
        }
        List<String> sorted = new ArrayList<>(roles);
        Collections.sort(sorted);
        return sorted;
    }

    /**
     * Members matching a search box's text, best first: the exact name, then names starting with the text, then
     * names containing it (each group in name order); case is ignored. Blank text finds nothing.
     */
    public List<GraphMember> find(String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        String wanted = query.strip().toLowerCase(Locale.ROOT);
        List<GraphMember> exact = new ArrayList<>();
        List<GraphMember> prefix = new ArrayList<>();
        List<GraphMember> contains = new ArrayList<>();
        for (GraphMember m : members) {
            String name = m.name().toLowerCase(Locale.ROOT);
            if (name.equals(wanted)) {
                exact.add(m);
            } else if (name.startsWith(wanted)) {
                prefix.add(m);
            } else if (name.contains(wanted)) {
                contains.add(m);
            }
        }
        Comparator<GraphMember> byName = Comparator.comparing(GraphMember::name, GraphLayouts::compareNatural);
        prefix.sort(byName);
        contains.sort(byName);
        List<GraphMember> found = new ArrayList<>(exact);
        found.addAll(prefix);
        found.addAll(contains);
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    /** The best match for a search box's text (see {@link #find(String, int)}). */
    public Optional<GraphMember> findFirst(String query) {
        List<GraphMember> found = find(query, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A copy with one member replaced (matched by name) or added. */
    public GraphModel withMember(GraphMember member) {
        List<GraphMember> copy = new ArrayList<>(members);
        int i = indexOf(member.name());
        if (i >= 0) {
            copy.set(i, member);
        } else {
            copy.add(member);
        }
        return new GraphModel(Collections.unmodifiableList(copy));
    }

    /** True when both models place members the same way (same names, addresses and roles in the same order). */
    boolean sameLayoutInputs(GraphModel other) {
        if (other == this) {
            return true;
        }
        if (other.members.size() != members.size()) {
            return false;
        }
        for (int i = 0; i < members.size(); i++) {
            GraphMember a = members.get(i);
            GraphMember b = other.members.get(i);
            if (a != b && !(a.name().equals(b.name()) && a.address().equals(b.address())
                    && a.roles().equals(b.roles()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "GraphModel[" + members.size() + " members]";
    }
}
