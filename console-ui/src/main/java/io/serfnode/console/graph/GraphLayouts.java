package io.serfnode.console.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic layouts: members are grouped (by first role or by host), each group is packed as a sunflower
 * spiral (even density, no overlaps, round), and the groups are placed on shelves in name order. The same model
 * always gives the same picture, whatever order the members arrived in.
 */
public final class GraphLayouts {
    /** Distance between neighbouring members, enough for a disc, its satellites and a gap. */
    static final double SPACING = 52;
    static final String NO_ROLE_GROUP = "(no role)";
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
    private static final double GROUP_GAP = 60;

    private GraphLayouts() {
    }

    public static GraphLayout compute(GraphModel model, LayoutMode mode) {
        List<GraphMember> members = model.members();
        Map<String, List<Integer>> byGroup = new TreeMap<>(mode == LayoutMode.BY_HOST
                ? GraphLayouts::compareHosts : GraphLayouts::compareRoles);
        for (int i = 0; i < members.size(); i++) {
            byGroup.computeIfAbsent(groupKey(members.get(i), mode), k -> new ArrayList<>()).add(i);
        }
        double[] xs = new double[members.size()];
        double[] ys = new double[members.size()];
        List<Double> radii = new ArrayList<>();
        List<List<Integer>> groupMembers = new ArrayList<>(byGroup.values());
        double area = 0;
        for (List<Integer> group : groupMembers) {
            group.sort(Comparator.comparing((Integer i) -> members.get(i).name(), GraphLayouts::compareNatural));
            double r = spiralRadius(group.size());
            radii.add(r);
            area += 4 * r * r;
        }
        // shelves about as wide as a square holding every group, a little wider for screens
        double shelfWidth = Math.max(Math.sqrt(area) * 1.8, radii.isEmpty() ? 0 : 2 * maxOf(radii));
        List<GraphLayout.Group> groups = new ArrayList<>();
        double cursorX = 0;
        double shelfTop = 0;
        double shelfHeight = 0;
        int g = 0;
        for (Map.Entry<String, List<Integer>> entry : byGroup.entrySet()) {
            double r = radii.get(g++);
            double d = 2 * r;
            if (cursorX > 0 && cursorX + d > shelfWidth) {
                cursorX = 0;
                shelfTop += shelfHeight + GROUP_GAP;
                shelfHeight = 0;
            }
            double cx = cursorX + r;
            double cy = shelfTop + r;
            List<Integer> group = entry.getValue();
            for (int k = 0; k < group.size(); k++) {
                double rk = SPACING * 0.56 * Math.sqrt(k + 0.5);
                double angle = k * GOLDEN_ANGLE;
                xs[group.get(k)] = cx + rk * Math.cos(angle);
                ys[group.get(k)] = cy + rk * Math.sin(angle);
            }
            groups.add(new GraphLayout.Group(entry.getKey(), group.size(), cx, cy, r));
            cursorX += d + GROUP_GAP;
            shelfHeight = Math.max(shelfHeight, d);
        }
        return new GraphLayout(xs, ys, groups);
    }

    static String groupKey(GraphMember member, LayoutMode mode) {
        if (mode == LayoutMode.BY_HOST) {
            return member.host().isEmpty() ? "(no address)" : member.host();
        }
        return member.roles().isEmpty() ? NO_ROLE_GROUP : member.roles().get(0);
    }

    /** Radius of a group's circle: the outermost spiral point plus room for its satellites. */
    static double spiralRadius(int count) {
        return SPACING * 0.56 * Math.sqrt(Math.max(0, count - 1) + 0.5) + SPACING * 0.6;
    }

    private static double maxOf(List<Double> values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static int compareRoles(String a, String b) {
        boolean aNone = a.equals(NO_ROLE_GROUP);
        boolean bNone = b.equals(NO_ROLE_GROUP);
        if (aNone != bNone) {
            return aNone ? 1 : -1;
        }
        return compareNatural(a, b);
    }

    /** IPv4 addresses in numeric order, anything else after them by name. */
    static int compareHosts(String a, String b) {
        long ia = ipv4(a);
        long ib = ipv4(b);
        if (ia >= 0 && ib >= 0) {
            return Long.compare(ia, ib);
        }
        if ((ia >= 0) != (ib >= 0)) {
            return ia >= 0 ? -1 : 1;
        }
        return compareNatural(a, b);
    }

    static long ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value * 256 + octet;
        }
        return value;
    }

    /** Compares names so that {@code web-2} comes before {@code web-10}. */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
