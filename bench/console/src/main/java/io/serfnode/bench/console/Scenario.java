package io.serfnode.bench.console;

/** One benchmark case: how many members, how many children each. Written {@code 1000x5}. */
record Scenario(int members, int childrenPerMember) {

    Scenario {
        if (members < 1 || childrenPerMember < 0) {
            throw new IllegalArgumentException("scenario: needs at least one member and no negative child count, was "
                    + members + "x" + childrenPerMember);
        }
    }

    static Scenario parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new Scenario(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("--scenario: expected MEMBERSxCHILDREN_PER_MEMBER such as 1000x5, was '"
                + text + "'");
    }

    int children() {
        return members * childrenPerMember;
    }

    String label() {
        return String.format("%,d members, %,d children", members, children());
    }
}
