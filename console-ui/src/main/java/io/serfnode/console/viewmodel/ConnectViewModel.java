package io.serfnode.console.viewmodel;

import io.serfnode.console.session.AgentUrls;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.TrustSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connect dialog: agent URL, a token typed or read from a file, how to trust TLS, recent clusters.
 * {@link #connect()} checks everything first and names the field that is wrong.
 */
public final class ConnectViewModel {
    private final RecentClusterStore store;
    private final Consumer<ConnectionSettings> connector;
    private final Path knownAgentsFile;
    private final KnownFingerprints knownFingerprints;

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty tokenFile = new SimpleStringProperty("");
    private final BooleanProperty useTokenFile = new SimpleBooleanProperty(false);
    private final ObjectProperty<TrustChoice> trust = new SimpleObjectProperty<>(TrustChoice.SYSTEM);
    private final StringProperty pemFile = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ObservableList<RecentCluster> recent = FXCollections.observableArrayList();
    private final ObservableList<RecentCluster> recentView = FXCollections.unmodifiableObservableList(recent);

    /**
     * @param store           remembers clusters connected to
     * @param connector       starts the session with the checked settings
     * @param knownAgentsFile where trust-on-first-use keeps fingerprints
     */
    public ConnectViewModel(RecentClusterStore store, Consumer<ConnectionSettings> connector, Path knownAgentsFile) {
        this(store, connector, knownAgentsFile, KnownFingerprints.none());
    }

    /**
     * @param store             remembers clusters connected to
     * @param connector         starts the session with the checked settings
     * @param knownAgentsFile   where trust-on-first-use keeps fingerprints
     * @param knownFingerprints reads that file, so the form can show what an agent was trusted with before
     */
    public ConnectViewModel(RecentClusterStore store, Consumer<ConnectionSettings> connector, Path knownAgentsFile,
                            KnownFingerprints knownFingerprints) {
        this.store = store;
        this.connector = connector;
        this.knownAgentsFile = knownAgentsFile;
        this.knownFingerprints = knownFingerprints;
        reloadRecent();
        url.addListener((o, a, b) -> describeTrust());
        trust.addListener((o, a, b) -> describeTrust());
        url.addListener((o, a, b) -> problem.set(""));
        token.addListener((o, a, b) -> problem.set(""));
        tokenFile.addListener((o, a, b) -> problem.set(""));
    }

    /** Fills the form from a cluster connected to before. */
    public void choose(RecentCluster cluster) {
        url.set(cluster.url());
        useTokenFile.set(!cluster.tokenFile().isEmpty());
        token.set(cluster.token());
        tokenFile.set(cluster.tokenFile());
        trust.set(cluster.trust());
        pemFile.set(cluster.pemFile());
        problem.set("");
    }

    /**
     * Checks the form and connects.
     *
     * @return true when the settings were good and the connection was started
     */
    public boolean connect() {
        try {
            ConnectionSettings settings = AgentUrls.settings(url.get(), readToken(), trustSettings());
            store.remember(new RecentCluster(AgentUrls.display(settings),
                    useTokenFile.get() ? "" : token.get().strip(),
                    useTokenFile.get() ? tokenFile.get().strip() : "", trust.get(), pemFile.get().strip()));
            reloadRecent();
            problem.set("");
            connector.accept(settings);
            return true;
        } catch (IllegalArgumentException wrong) {
            problem.set(wrong.getMessage());
            return false;
        }
    }

    /** Shows the fingerprint of the certificate the agent presented (trust on first use). */
    public void showFingerprint(String sha256) {
        fingerprint.set(sha256 == null ? "" : sha256);
    }

    /** Under trust on first use, says whether this agent was trusted before and with which certificate. */
    private void describeTrust() {
        if (trust.get() != TrustChoice.TRUST_ON_FIRST_USE) {
            fingerprint.set("");
            return;
        }
        String hostPort;
        try {
            hostPort = AgentUrls.hostPort(url.get());
        } catch (IllegalArgumentException incomplete) {
            fingerprint.set("");
            return;
        }
        fingerprint.set(knownFingerprints.fingerprintOf(hostPort)
                .map(known -> "Trusted before: SHA-256 " + known)
                .orElse("First connection: the agent's certificate will be trusted and its fingerprint shown "
                        + "in the status bar"));
    }

    private String readToken() {
        if (!useTokenFile.get()) {
            return token.get();
        }
        Path file = path(tokenFile.get(), "token file");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("token file " + file + ": is empty");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalArgumentException("token file " + file + ": cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private TrustSettings trustSettings() {
        return switch (trust.get()) {
            case SYSTEM -> new TrustSettings.SystemTrust();
            case TRUST_ON_FIRST_USE -> new TrustSettings.TrustOnFirstUse(knownAgentsFile);
            case PEM -> {
                Path pem = path(pemFile.get(), "PEM file");
                if (!Files.isReadable(pem)) {
                    throw new IllegalArgumentException("PEM file " + pem + ": cannot be read");
                }
                yield new TrustSettings.PemTrust(pem);
            }
        };
    }

    private static Path path(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + ": missing");
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(what + " '" + text + "': not a valid path (" + e.getReason() + ")");
        }
    }

    private void reloadRecent() {
        recent.setAll(store.load());
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty tokenFileProperty() {
        return tokenFile;
    }

    public BooleanProperty useTokenFileProperty() {
        return useTokenFile;
    }

    public ObjectProperty<TrustChoice> trustProperty() {
        return trust;
    }

    public StringProperty pemFileProperty() {
        return pemFile;
    }

    /** What is wrong with the form, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The SHA-256 fingerprint of the agent's certificate, once seen. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    public ObservableList<RecentCluster> recentClusters() {
        return recentView;
    }
}
