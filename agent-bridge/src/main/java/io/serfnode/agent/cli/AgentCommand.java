package io.serfnode.agent.cli;

import io.serfnode.agent.api.ws.TlsFiles;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.config.ConfigException;
import io.serfnode.agent.config.SerfnodeConfig;
import io.serfnode.agent.config.SerfnodeConfigLoader;
import io.serfnode.agent.devif.DeveloperFilesConfig;
import io.serfnode.agent.member.ApiUnavailableException;
import io.serfnode.agent.member.DockerUnavailableException;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.member.MemberConfigurationException;
import io.serfnode.agent.member.NodeNames;
import io.serfnode.agent.member.SerfLinkException;
import io.serfnode.agent.member.SerfReconnect;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.runtime.docker.DockerRuntimeConfig;
import io.serfnode.agent.runtime.docker.PullPolicy;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfEncryptionKeys;
import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import io.serfnode.agent.spawn.DockerSpawnerConfig;
import io.serfnode.agent.spawn.MemberConfiguration;
import io.serfnode.agent.spawn.SpawnSettings;
import io.serfnode.agent.support.LogSetup;
import io.serfnode.agent.support.ShutdownSafeLogManager;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serfnode agent}: runs one member until it is told to stop (SIGINT or SIGTERM: a graceful leave). */
@Command(name = "agent", mixinStandardHelpOptions = true, versionProvider = SerfnodeVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs one member of a Serfnode cluster: starts and watches a serf agent (restarting it if it "
                + "dies), joins the cluster and reports membership. SIGINT or SIGTERM makes the member "
                + "leave gracefully.",
            "",
            "Settings come from the options, then the original Serfnode's environment variables NODE_NAME, "
                + "ROLE (space-separated), PEER (comma-separated), SERF_IP, SERF_PORT, SERVICE_IP and "
                + "SERVICE_PORT, then --config, then defaults. In a member container, SERFNODE_CONTAINER "
                + "(its name or id, or 'self') makes Docker children share the container's network and /etc/hosts.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped as asked", "1:a runtime failure (serf could not be started or reached)",
            "2:bad usage or configuration"})
public final class AgentCommand implements Callable<Integer> {
    static final int EXIT_RUNTIME_FAILURE = 1;
    static final int EXIT_BAD_CONFIGURATION = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The member's serfnode.yml (roles, peers, addresses, children). Options given here override it.")
    Path configFile;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Node name; default: NODE_NAME, else the name kept in the state directory, else <host>-<random> (then kept).")
    String name;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "A role of this member (repeatable); default: ROLE.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--bind", paramLabel = "IP:PORT", converter = SerfAddressConverter.class,
            description = "Serf's gossip address; default: SERF_IP:SERF_PORT, else 0.0.0.0:7946.")
    SerfAddress bind;

    @Option(names = "--advertise", paramLabel = "IP:PORT", converter = SerfAddressConverter.class,
            description = "The gossip address other members should use, when it differs from --bind.")
    SerfAddress advertise;

    @Option(names = "--join", paramLabel = "HOST[:PORT]", converter = SerfAddressConverter.class,
            description = "A member to join through (repeatable); retried until one answers. Default: PEER.")
    List<SerfAddress> join = new ArrayList<>();

    @Option(names = "--rpc", paramLabel = "IP:PORT", converter = SerfAddressConverter.class,
            defaultValue = "127.0.0.1:7373",
            description = "Serf's RPC address (keep it on loopback; it is protected by a generated token). Default: ${DEFAULT-VALUE}.")
    SerfAddress rpc;

    @Option(names = "--serf-attach", paramLabel = "IP:PORT", converter = SerfAddressConverter.class,
            description = "Use the serf agent already running with this RPC address instead of starting one.")
    SerfAddress serfAttach;

    @Option(names = "--serf-attach-token-file", paramLabel = "FILE",
            description = "The rpc_auth token of the agent given with --serf-attach.")
    Path serfAttachTokenFile;

    @Option(names = "--encrypt-key-file", paramLabel = "FILE",
            description = "File holding the cluster's gossip encryption key (base64 of 16, 24 or 32 bytes); the same on every member.")
    Path encryptKeyFile;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "lan",
            description = "Serf's timing profile: lan, wan or local. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--serf-reconnect-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often serf tries to reach failed members again (500ms, 5s, 1m); after a network "
                + "partition heals the sides find each other within about this time. Default: serf's 30s.")
    Duration serfReconnectInterval;

    @Option(names = "--serf-reconnect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a failed member is tried before every member forgets it (a member-reap) "
                + "with its children (10m, 2h). Default: serf's 24h.")
    Duration serfReconnectTimeout;

    @Option(names = "--ws", paramLabel = "HOST:PORT", converter = SerfAddressConverter.class,
            description = "Serve the WebSocket API (ws://HOST:PORT/v1/cluster) that consoles connect to; advertised to the cluster in the ws tag. Without it this member serves no API.")
    SerfAddress ws;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The API token (the same file on every member of a cluster). Default: <state dir>/api-token, generated on first start.")
    Path tokenFile;

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Certificate chain (PEM) for wss://; needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM",
            description = "Private key (PEM, PKCS#8 or PKCS#1) for wss://; needs --tls-cert.")
    Path tlsKey;

    @Option(names = "--runtime", paramLabel = "RUNTIME", defaultValue = "auto",
            description = "How children run: docker, process, or auto (Docker children need an engine that answers). Default: ${DEFAULT-VALUE}.")
    String runtime;

    @Option(names = "--docker-host", paramLabel = "URI",
            description = "The Docker engine; default: DOCKER_HOST, else unix:///var/run/docker.sock.")
    String dockerHost;

    @Option(names = "--pull", paramLabel = "POLICY", defaultValue = "never",
            description = "When Docker images are pulled: never (a missing image is an error), missing, or always. Default: ${DEFAULT-VALUE}.")
    String pull;

    @Option(names = "--allow-privileged",
            description = "Let children marked privileged in serfnode.yml run privileged (refused otherwise).")
    boolean allowPrivileged;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the member keeps its state; default: /serfnode in a container, else ~/.local/state/serfnode.")
    Path stateDir;

    @Option(names = "--serf-binary", paramLabel = "PATH", defaultValue = "serf",
            description = "The serf program. Default: ${DEFAULT-VALUE} (from PATH).")
    String serfBinary;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "debug, info, warn or error. Default: ${DEFAULT-VALUE}.")
    String logLevel;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Member templates for spawn-member (NAME.yml files in serfnode.yml format). Default: <state dir>/templates.")
    Path templatesDir;

    @Option(names = "--member-image", paramLabel = "IMAGE", defaultValue = DockerSpawnerConfig.DEFAULT_IMAGE,
            description = "The member image of members spawned with runtime docker (`make image` builds it). Default: ${DEFAULT-VALUE}.")
    String memberImage;

    // a spawned member: its spawner holds standard input open, and its end means the spawner is gone
    @Option(names = "--owned", hidden = true,
            description = "Leave the cluster and stop when standard input closes (the spawner that started this member is gone).")
    boolean owned;

    @Override
    public Integer call() throws InterruptedException {
        MemberAgentConfig config;
        try {
            LogSetup.configure(logLevel);
            config = configuration();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (ConfigException e) {
            System.err.println("serfnode agent: the configuration is not valid:");
            System.err.println(e.getMessage());
            return EXIT_BAD_CONFIGURATION;
        }
        MemberAgent agent;
        try {
            agent = new MemberAgent(config);
        } catch (MemberConfigurationException e) {
            System.err.println("serfnode agent: " + e.getMessage());
            return EXIT_BAD_CONFIGURATION;
        } catch (DockerUnavailableException | ApiUnavailableException e) {
            System.err.println("serfnode agent: " + e.getMessage());
            return EXIT_RUNTIME_FAILURE;
        }
        // an operator asked this member to leave: the shutdown below does it, and the process ends
        agent.onLeaveRequested(() -> Thread.ofPlatform().name("serfnode-leave").start(() -> System.exit(0)));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            agent.close();
            stopped.countDown();
            ShutdownSafeLogManager.finish();
            // a member stopped by SIGINT or SIGTERM did what it was asked: exit 0, not the JVM's 128+signal
            Runtime.getRuntime().halt(0);
        }, "serfnode-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        if (owned) {
            OwnerWatch.exitWhenStandardInputCloses();
        }
        try {
            agent.start();
        } catch (SerfLinkException e) {
            System.err.println("serfnode agent: " + e.getMessage());
            return EXIT_RUNTIME_FAILURE;
        }
        stopped.await();
        return 0;
    }

    MemberAgentConfig configuration() throws ConfigException {
        Map<String, String> environment = System.getenv();
        SerfnodeConfig file = configFile != null
                ? SerfnodeConfigLoader.load(configFile, environment)
                : SerfnodeConfigLoader.fromEnvironment(environment);
        Path state = stateDir != null ? stateDir : defaultStateDir();
        String nodeName = NodeNames.resolve(state, firstNonBlank(name, file.nodeName()));
        SerfAddress gossip = bind != null ? bind
                : SerfAddress.of(firstNonBlank(file.serfIp(), "0.0.0.0"), file.serfPort());
        SerfAddressConverter addresses = new SerfAddressConverter();
        List<SerfAddress> peers = !join.isEmpty() ? join : file.join().stream().map(addresses::convert).toList();
        Map<String, String> serviceTags = new LinkedHashMap<>();
        if (file.serviceIp() != null) {
            serviceTags.put("service", file.serviceIp());
        }
        if (file.servicePort() > 0) {
            serviceTags.put("service_port", String.valueOf(file.servicePort()));
        }
        MemberAgentConfig config = MemberAgentConfig.local(nodeName, gossip, rpc, state)
                .withRoles(!roles.isEmpty() ? roles : file.roles())
                .withAdvertise(advertise)
                .withJoin(peers)
                .withProfile(parseProfile(profile))
                .withSerfBinary(serfBinary)
                .withExtraTags(serviceTags)
                .withChildren(file.children())
                .withRuntimeMode(parseRuntime(runtime))
                .withDocker(dockerConfig(environment))
                .withSharedHostsFile(agentContainer(environment) != null ? DeveloperFilesConfig.ETC_HOSTS : null)
                .withLeaveTimeout(Duration.ofSeconds(15))
                .withSpawn(spawnSettings())
                .withSerfReconnect(new SerfReconnect(serfReconnectInterval, serfReconnectTimeout));
        if (ws != null) {
            config = config.withApi(apiConfig(state));
        }
        if (encryptKeyFile != null) {
            String key = readSecret(encryptKeyFile, "--encrypt-key-file");
            SerfEncryptionKeys.requireValid(key, "--encrypt-key-file " + encryptKeyFile);
            config = config.withEncryptKey(key);
        }
        if (serfAttach != null) {
            SerfRpcConfig attach = SerfRpcConfig.of(serfAttach.host(), serfAttach.port());
            if (serfAttachTokenFile != null) {
                attach = attach.withAuthKey(readSecret(serfAttachTokenFile, "--serf-attach-token-file"));
            }
            config = config.withSerfAttach(attach);
        }
        return config;
    }

    /**
     * The container this agent runs in, when the member image says so ({@code SERFNODE_CONTAINER}: a
     * container name or id, or {@code self} for this container's hostname). Guessing from marker files is
     * not reliable: an agent may run in one container while driving another engine.
     */
    private static String agentContainer(Map<String, String> environment) {
        String container = environment.get("SERFNODE_CONTAINER");
        if (container == null || container.isBlank()) {
            return null;
        }
        return container.strip().equals("self") ? hostName() : container.strip();
    }

    /** What members spawned by this one get: this member's own serfnode.yml, its token file, its log level. */
    private SpawnSettings spawnSettings() {
        SpawnSettings settings = SpawnSettings.DEFAULTS.withTemplatesDir(templatesDir).withTokenFile(tokenFile)
                .withLogLevel(logLevel).withMemberImage(memberImage);
        if (configFile == null) {
            return settings;
        }
        try {
            return settings.withOwn(new MemberConfiguration(Files.readString(configFile, StandardCharsets.UTF_8),
                    configFile.toString()));
        } catch (IOException e) {
            throw new IllegalArgumentException("--config " + configFile + " cannot be read: " + e.getMessage());
        }
    }

    private WsServerConfig apiConfig(Path state) {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both, or neither");
        }
        String token = tokenFile != null ? readSecret(tokenFile, "--token-file") : ApiTokens.keptIn(state);
        WsServerConfig api = WsServerConfig.of(ws.host(), ws.port(), token);
        return tlsCert == null ? api : api.withTls(new TlsFiles(tlsCert, tlsKey));
    }

    private DockerRuntimeConfig dockerConfig(Map<String, String> environment) {
        DockerRuntimeConfig docker = DockerRuntimeConfig.fromEnvironment(environment)
                .withAllowPrivileged(allowPrivileged)
                .withPullPolicy(parsePull(pull));
        String container = agentContainer(environment);
        if (container != null) {
            // children join this container's network namespace and so share its /etc/hosts
            docker = docker.withAgentContainer(container);
        }
        if (dockerHost != null) {
            try {
                docker = docker.withDockerHost(URI.create(dockerHost));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--docker-host '" + dockerHost + "' is not a URI: " + e.getMessage());
            }
        }
        return docker;
    }

    private static PullPolicy parsePull(String value) {
        try {
            return PullPolicy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--pull '" + value + "' is not one of never, missing, always");
        }
    }

    private static RuntimeMode parseRuntime(String value) {
        try {
            return RuntimeMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--runtime '" + value + "' is not one of docker, process, auto");
        }
    }

    private static SerfProfile parseProfile(String value) {
        try {
            return SerfProfile.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--profile '" + value + "' is not one of lan, wan, local");
        }
    }

    private static String readSecret(Path file, String option) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(option + " " + file + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("inside a container, but /etc/hostname (the container id) cannot be read: "
                    + e.getMessage());
        }
    }

    static Path defaultStateDir() {
        Path container = Path.of("/serfnode");
        if (Files.isDirectory(container) && Files.isWritable(container)) {
            return container;
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("serfnode");
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
