package io.serfnode.agent.spawn;

import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.RuntimeKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Spawns members as {@code serfnode agent} processes on this host, in the JVM and with the code of the spawner
 * ({@link AgentLauncher#current()}), each with free ports on the spawner's address, its own state directory
 * under the spawner's, and the spawner's token file and gossip key.
 *
 * <p>The spawner owns them. Each is started with {@code --owned}: it keeps the pipe to its standard input open
 * and leaves the cluster when the pipe closes, so a spawner that dies (even by SIGKILL) takes its members with
 * it. {@link #close()} stops them gracefully (SIGTERM, a leave) and ends by pid, with their descendants, those
 * still running after {@link NewMemberSettings#stopTimeout()}.
 */
public final class ProcessMemberSpawner implements MemberSpawner {
    /** Settings the spawner's environment must not pass on: they would override the new member's own. */
    private static final Set<String> OVERRIDING_VARIABLES = Set.of("NODE_NAME", "ROLE", "PEER", "SERF_IP",
            "SERF_PORT", "SERVICE_IP", "SERVICE_PORT", "SERFNODE_CONTAINER");
    private static final int LOG_TAIL_LINES = 8;

    private final ProcessSpawnerConfig config;
    private final ComponentLog log;
    private final Map<String, Owned> owned = new ConcurrentHashMap<>();
    private final List<SpawnReport> reports = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    public ProcessMemberSpawner(String member, ProcessSpawnerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.log = ComponentLog.of(member, "spawner");
    }

    @Override
    public RuntimeKind runtime() {
        return RuntimeKind.PROCESS;
    }

    @Override
    public void spawn(SpawnPlan plan, SpawnCallback callback) throws InterruptedException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(callback, "callback");
        SpawnReport report = new SpawnReport(callback, log, reports::remove);
        reports.add(report);
        callback.onStart(report);
        for (String name : plan.names()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("spawning stopped before member '" + name + "'");
            }
            if (closing.get()) {
                report.error(new IllegalStateException("the spawner is stopping; member '" + name
                        + "' was not started"));
                return;
            }
            try {
                Owned member = start(name, plan);
                report.next(new SpawnStep.Created(member.spawned(), "process " + member.process().pid()
                        + " on " + member.bind() + (member.ws() == null ? "" : ", ws " + member.ws())
                        + ", log " + member.logFile()));
            } catch (IOException | RuntimeException e) {
                log.warn(e, "could not start member %s", name);
                report.error(new IOException("could not start member '" + name + "': " + e.getMessage(), e));
                return;
            }
        }
    }

    private Owned start(String name, SpawnPlan plan) throws IOException {
        Path state = config.member().spawnDir().resolve(name);
        Files.createDirectories(state);
        String host = config.member().bindHost();
        String rpcHost = isLoopback(host) ? host : "127.0.0.1";
        int[] ports = rpcHost.equals(host) ? FreePorts.pick(host, 2)
                : new int[] {FreePorts.pick(host), FreePorts.pick(rpcHost)};
        SerfAddress bind = SerfAddress.of(host, ports[0]);
        SerfAddress rpc = SerfAddress.of(rpcHost, ports[1]);
        List<String> command = new ArrayList<>(config.launcher().command());
        command.addAll(List.of("agent", "--owned", "--name", name,
                "--bind", bind.toString(), "--rpc", rpc.toString(), "--join", config.member().join().toString(),
                "--state-dir", state.toString(), "--profile", config.member().profile().configValue(),
                "--runtime", config.runtimeMode().name().toLowerCase(Locale.ROOT),
                "--serf-binary", config.serfBinary(), "--log-level", config.member().logLevel()));
        for (String role : plan.roles()) {
            command.addAll(List.of("--role", role));
        }
        if (!plan.configuration().isEmpty()) {
            Path file = state.resolve("serfnode.yml");
            Files.writeString(file, plan.configuration().text(), StandardCharsets.UTF_8);
            command.addAll(List.of("--config", file.toString()));
        }
        SerfAddress ws = null;
        if (config.member().wsHost() != null) {
            ws = SerfAddress.of(config.member().wsHost(), FreePorts.pick(config.member().wsHost()));
            command.addAll(List.of("--ws", ws.toString(), "--token-file", tokenFile().toString()));
            if (config.member().tls() != null) {
                command.addAll(List.of("--tls-cert", config.member().tls().certificateChain().toString(),
                        "--tls-key", config.member().tls().privateKey().toString()));
            }
        }
        if (config.member().encryptKey() != null) {
            command.addAll(List.of("--encrypt-key-file", secretFile("encrypt-key", config.member().encryptKey()).toString()));
        }
        Path logFile = state.resolve("agent.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().keySet().removeAll(OVERRIDING_VARIABLES);
        Process process = builder.start();
        // standard input stays open: the member leaves when it closes, which is when this JVM is gone
        Owned member = new Owned(new SpawnedMember(name, RuntimeKind.PROCESS, Long.toString(process.pid()), state),
                process, bind, ws, logFile);
        owned.put(name, member);
        log.info("started member %s (pid %d, gossip %s) from %s; log %s", name, process.pid(), bind, plan.source(),
                logFile);
        process.onExit().thenAccept(ended -> ended(member));
        return member;
    }

    private void ended(Owned member) {
        owned.remove(member.spawned().name(), member);
        if (closing.get()) {
            return;
        }
        int code = member.process().exitValue();
        String reason = "member '" + member.spawned().name() + "' (pid " + member.process().pid()
                + ") ended with exit code " + code + lastLines(member.logFile());
        log.warn("%s", reason);
        for (SpawnReport report : reports) {
            report.next(new SpawnStep.Ended(member.spawned().name(), reason));
        }
    }

    /** The end of a member's log, as a clause, for a reason that says why it ended. */
    static String lastLines(Path logFile) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 4096);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            if (lines.isEmpty()) {
                return "";
            }
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "; the end of its log (" + logFile + "): " + String.join(" | ", tail);
        } catch (IOException e) {
            return "";
        }
    }

    private Path tokenFile() throws IOException {
        if (config.member().tokenFile() != null) {
            return config.member().tokenFile();
        }
        return secretFile("api-token", config.member().token());
    }

    private synchronized Path secretFile(String name, String secret) throws IOException {
        Path file = config.member().spawnDir().resolve(name);
        if (!Files.exists(file)) {
            Files.createDirectories(config.member().spawnDir());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, secret, StandardCharsets.UTF_8);
        }
        return file;
    }

    private static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("localhost") || host.equals("::1");
    }

    @Override
    public List<SpawnedMember> running() {
        return owned.values().stream().filter(member -> member.process().isAlive()).map(Owned::spawned).toList();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        reports.forEach(SpawnReport::close);
        List<Owned> members = List.copyOf(owned.values());
        if (members.isEmpty()) {
            return;
        }
        log.info("stopping the %d member(s) this member spawned", members.size());
        members.forEach(member -> member.process().destroy());
        long deadline = System.nanoTime() + config.member().stopTimeout().toNanos();
        for (Owned member : members) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!member.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    log.warn("member %s (pid %d) did not stop within %d ms; ending it and its processes by pid",
                            member.spawned().name(), member.process().pid(), config.member().stopTimeout().toMillis());
                    member.process().descendants().forEach(ProcessHandle::destroyForcibly);
                    member.process().destroyForcibly();
                    member.process().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                member.process().descendants().forEach(ProcessHandle::destroyForcibly);
                member.process().destroyForcibly();
            }
        }
        owned.clear();
    }

    /** A member this spawner started. */
    private record Owned(SpawnedMember spawned, Process process, SerfAddress bind, SerfAddress ws, Path logFile) {
    }
}
