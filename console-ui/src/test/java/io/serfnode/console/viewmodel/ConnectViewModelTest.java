package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelTest {
    @TempDir
    Path dir;

    private final List<ConnectionSettings> connected = new ArrayList<>();
    private final RecentClusterStore store = RecentClusterStore.inMemory();

    private ConnectViewModel form() {
        return new ConnectViewModel(store, connected::add, dir.resolve("known-agents"));
    }

    @Test
    void connectsWithATypedTokenAndAddsTheApiPath() {
        ConnectViewModel form = form();
        form.urlProperty().set("ws://127.0.0.2:7070");
        form.tokenProperty().set(" secret ");

        assertThat(form.connect()).isTrue();

        assertThat(connected).hasSize(1);
        assertThat(connected.get(0).agent()).hasToString("ws://127.0.0.2:7070/v1/cluster");
        assertThat(connected.get(0).token()).isEqualTo("secret");
        assertThat(form.recentClusters()).extracting(RecentCluster::url).containsExactly("ws://127.0.0.2:7070/v1/cluster");
    }

    @Test
    void readsTheTokenFromAFileAndRemembersTheFileNotTheToken() throws IOException {
        Path tokenFile = Files.writeString(dir.resolve("token"), "from-file\n");
        ConnectViewModel form = form();
        form.urlProperty().set("wss://127.0.0.2:7443/v1/cluster");
        form.useTokenFileProperty().set(true);
        form.tokenFileProperty().set(tokenFile.toString());
        form.trustProperty().set(TrustChoice.TRUST_ON_FIRST_USE);

        assertThat(form.connect()).isTrue();

        assertThat(connected.get(0).token()).isEqualTo("from-file");
        assertThat(connected.get(0).trust()).isEqualTo(new TrustSettings.TrustOnFirstUse(dir.resolve("known-agents")));
        assertThat(store.load().get(0)).isEqualTo(
                new RecentCluster("wss://127.0.0.2:7443/v1/cluster", "", tokenFile.toString(), TrustChoice.TRUST_ON_FIRST_USE, ""));
    }

    @Test
    void namesTheWrongFieldAndDoesNotConnect() {
        ConnectViewModel form = form();
        form.urlProperty().set("http://127.0.0.2:7070");
        form.tokenProperty().set("secret");

        assertThat(form.connect()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo(
                "agent URL 'http://127.0.0.2:7070': must start with ws:// or wss://");

        form.urlProperty().set("ws://127.0.0.2:7070/v1/cluster");
        form.tokenProperty().set("");
        assertThat(form.connect()).isFalse();
        assertThat(form.problemProperty().get()).startsWith("token: missing");

        form.useTokenFileProperty().set(true);
        form.tokenFileProperty().set(dir.resolve("absent").toString());
        assertThat(form.connect()).isFalse();
        assertThat(form.problemProperty().get()).startsWith("token file " + dir.resolve("absent") + ": cannot be read");

        form.useTokenFileProperty().set(false);
        form.tokenProperty().set("secret");
        form.trustProperty().set(TrustChoice.PEM);
        form.pemFileProperty().set("");
        assertThat(form.connect()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("PEM file: missing");
        assertThat(connected).isEmpty();
    }

    @Test
    void choosingARecentClusterFillsTheForm() {
        store.remember(new RecentCluster("ws://127.0.0.5:7070/v1/cluster", "", "/etc/serfnode/token", TrustChoice.SYSTEM, ""));
        ConnectViewModel form = form();

        form.choose(form.recentClusters().get(0));

        assertThat(form.urlProperty().get()).isEqualTo("ws://127.0.0.5:7070/v1/cluster");
        assertThat(form.useTokenFileProperty().get()).isTrue();
        assertThat(form.tokenFileProperty().get()).isEqualTo("/etc/serfnode/token");
    }

    @Test
    void showsTheFingerprintAnAgentWasTrustedWithBeforeUnderTrustOnFirstUse() {
        ConnectViewModel form = new ConnectViewModel(store, connected::add, dir.resolve("known-agents"),
                hostPort -> hostPort.equals("127.0.0.2:7443") ? java.util.Optional.of("AB:CD") : java.util.Optional.empty());
        form.urlProperty().set("wss://127.0.0.2:7443");
        assertThat(form.fingerprintProperty().get()).isEmpty();

        form.trustProperty().set(TrustChoice.TRUST_ON_FIRST_USE);
        assertThat(form.fingerprintProperty().get()).isEqualTo("Trusted before: SHA-256 AB:CD");

        form.urlProperty().set("wss://127.0.0.3:7443");
        assertThat(form.fingerprintProperty().get()).startsWith("First connection:");

        form.trustProperty().set(TrustChoice.SYSTEM);
        assertThat(form.fingerprintProperty().get()).isEmpty();
    }
}
