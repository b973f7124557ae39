package io.serfnode.console.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * A stable colour per role: the role's name is hashed (FNV-1a over its UTF-8 bytes, so the same role gets the
 * same colour on every run and every machine) onto a curated palette. The default palette is Okabe and Ito's
 * colour-blind-safe set plus distinct colours from Paul Tol's "muted" scheme, ordered so that the first few
 * differ most for every common kind of colour blindness. Shape, not colour, carries status (see the view).
 */
public final class RolePalette {
    /** Okabe-Ito (without black), then Tol muted colours that are not close to them. */
    public static final List<Color> COLOUR_BLIND_SAFE = List.of(
            Color.web("#0072B2"), // blue
            Color.web("#E69F00"), // orange
            Color.web("#009E73"), // bluish green
            Color.web("#CC79A7"), // reddish purple
            Color.web("#56B4E9"), // sky blue
            Color.web("#D55E00"), // vermillion
            Color.web("#F0E442"), // yellow
            Color.web("#882255"), // wine
            Color.web("#44AA99"), // teal
            Color.web("#332288"), // indigo
            Color.web("#999933"), // olive
            Color.web("#AA4499")); // purple

    /** For members that carry no role at all. */
    public static final Color NO_ROLE = Color.web("#8C8C8C");

    private static final RolePalette DEFAULT = new RolePalette(COLOUR_BLIND_SAFE);

    private final List<Color> colours;

    public RolePalette(List<Color> colours) {
        Objects.requireNonNull(colours, "colours");
        if (colours.isEmpty()) {
            throw new IllegalArgumentException("role palette: needs at least one colour");
        }
        this.colours = List.copyOf(colours);
    }

    public static RolePalette defaultPalette() {
        return DEFAULT;
    }

    public Color colourOf(String role) {
        if (role == null || role.isEmpty()) {
            return NO_ROLE;
        }
        return colours.get(Math.floorMod(fnv1a(role), colours.size()));
    }

    /**
     * Colours for a set of roles shown together: each role gets its own hash colour unless another role of the set
     * already took it (roles claim in name order), in which case it takes the next free colour. So a role keeps
     * its colour across runs and clusters as long as it does not collide, and roles on one screen differ whenever
     * the palette has enough colours.
     */
    public Map<String, Color> assign(Collection<String> roles) {
        List<String> sorted = roles.stream().filter(r -> r != null && !r.isEmpty()).distinct().sorted().toList();
        Map<String, Color> assigned = new LinkedHashMap<>();
        boolean[] taken = new boolean[colours.size()];
        List<String> collided = new ArrayList<>();
        for (String role : sorted) {
            int slot = Math.floorMod(fnv1a(role), colours.size());
            if (taken[slot]) {
                collided.add(role);
            } else {
                taken[slot] = true;
                assigned.put(role, colours.get(slot));
            }
        }
        for (String role : collided) {
            int slot = Math.floorMod(fnv1a(role), colours.size());
            for (int step = 1; step < colours.size() && taken[slot]; step++) {
                slot = (slot + 1) % colours.size();
            }
            // more roles than colours: colours repeat, in hash order
            taken[slot] = true;
            assigned.put(role, colours.get(slot));
        }
        return assigned;
    }

    /** The member's first role's colour, or {@link #NO_ROLE}. */
    public Color primaryColourOf(GraphMember member) {
        return member.roles().isEmpty() ? NO_ROLE : colourOf(member.roles().get(0));
    }

    public List<Color> colours() {
        return colours;
    }

    static int fnv1a(String text) {
        int hash = 0x811C9DC5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }
}
