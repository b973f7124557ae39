package io.serfnode.agent.devif;

import java.util.regex.Pattern;

/**
 * Which names may appear in a hosts file. Dot-separated labels of letters, digits, {@code -} and {@code _},
 * none empty or starting with {@code -}, at most 253 characters in all. The underscore is not allowed by
 * RFC 1123 but resolvers read it from hosts files, and role names such as the original's {@code no_role}
 * use it.
 */
final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");

    private HostNames() {
    }

    static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
