package io.serfnode.console.viewmodel;

/** How the operator chose to trust a {@code wss://} agent. */
public enum TrustChoice {
    SYSTEM("System trust store"),
    PEM("Certificates in a PEM file"),
    TRUST_ON_FIRST_USE("Trust on first use");

    private final String label;

    TrustChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
