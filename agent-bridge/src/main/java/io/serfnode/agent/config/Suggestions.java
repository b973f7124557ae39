package io.serfnode.agent.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The closest valid word to a misspelt one. Case, {@code _} and {@code -} are ignored and a swap of two
 * neighbouring letters counts as one edit, so {@code imgae}, {@code Stop-Signal} and {@code volumesfrom}
 * all find their key; a few common other names ({@code env}, {@code cmd} …) are known as such.
 */
final class Suggestions {
    private static final Map<String, String> OTHER_NAMES = Map.of(
            "env", "environment",
            "cmd", "command",
            "workdir", "working_dir",
            "restart", "autorestart",
            "signal", "stopsignal",
            "roles", "role",
            "peers", "peer",
            "volume", "volumes",
            "port", "ports",
            "link", "links");

    private Suggestions() {
    }

    /** The valid word closest to {@code word}, or {@code null} when none is close enough to be meant. */
    static String closest(String word, Collection<String> valid) {
        String known = OTHER_NAMES.get(word.toLowerCase(Locale.ROOT));
        if (known != null && valid.contains(known)) {
            return known;
        }
        String normalized = normalize(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int distance = distance(normalized, normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= tolerance(normalized) ? best : null;
    }

    private static int tolerance(String word) {
        if (word.length() <= 3) {
            return 1;
        }
        return word.length() <= 8 ? 2 : 3;
    }

    private static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Edit distance with insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
