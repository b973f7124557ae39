package io.serfnode.agent.faults;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private network made of namespaces this test creates: one namespace holds two bridges, {@code side a}
 * and {@code side b}, joined by one veth pair (the link the test cuts); each member gets a namespace of its
 * own whose {@code eth0} hangs on one of the bridges, with an address in 10.77.0.0/24 that exists nowhere
 * else. The host's namespace gets no interface and no address, so no packet of the test can leave.
 *
 * <p>Needs root and iproute2's {@code ip}; without them it fails with the reason, it never skips.
 * {@link #close()} ends every process still running in the namespaces (all of them the test's) and deletes
 * the namespaces, which takes their veths with them.
 */
final class NetworkLab implements AutoCloseable {
    static final String SUBNET_PREFIX = "10.77.0.";
    private static final String SIDE_A_BRIDGE = "side-a";
    private static final String SIDE_B_BRIDGE = "side-b";
    private static final String TRUNK_A = "trunk-a";
    private static final String TRUNK_B = "trunk-b";

    private final String prefix;
    private final String switchNamespace;
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final Thread cleanupOnExit;

    enum Side { A, B }

    /** One member's place in the network. */
    record Host(String namespace, String address, Side side) {
    }

    private NetworkLab(String prefix) {
        this.prefix = prefix;
        this.switchNamespace = prefix + "sw";
        // a test JVM that ends before close() must not leave namespaces behind
        this.cleanupOnExit = new Thread(this::deleteNamespaces, "network-lab-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** Creates the switch namespace with both bridges and the link between them. */
    static NetworkLab create() throws IOException, InterruptedException {
        // unique per test JVM: other test runs on this machine may build labs of their own at the same time
        NetworkLab lab = new NetworkLab("snp" + ProcessHandle.current().pid() + "-");
        try {
            lab.addNamespace(lab.switchNamespace);
            lab.ipIn(lab.switchNamespace, "link", "set", "lo", "up");
            for (String bridge : List.of(SIDE_A_BRIDGE, SIDE_B_BRIDGE)) {
                lab.ipIn(lab.switchNamespace, "link", "add", bridge, "type", "bridge");
                lab.ipIn(lab.switchNamespace, "link", "set", bridge, "up");
            }
            lab.ipIn(lab.switchNamespace, "link", "add", TRUNK_A, "type", "veth", "peer", "name", TRUNK_B);
            lab.ipIn(lab.switchNamespace, "link", "set", TRUNK_A, "master", SIDE_A_BRIDGE, "up");
            lab.ipIn(lab.switchNamespace, "link", "set", TRUNK_B, "master", SIDE_B_BRIDGE, "up");
            return lab;
        } catch (IOException | InterruptedException | AssertionError e) {
            lab.close();
            throw e;
        }
    }

    /** A member namespace on {@code side} with the address {@value #SUBNET_PREFIX}{@code index}. */
    Host addHost(int index, Side side) throws IOException, InterruptedException {
        String namespace = prefix + "m" + index;
        String address = SUBNET_PREFIX + index;
        String port = "p" + index;
        addNamespace(namespace);
        ipIn(namespace, "link", "set", "lo", "up");
        // created inside the switch namespace with its other end moved straight into the member's
        ipIn(switchNamespace, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        ipIn(switchNamespace, "link", "set", port, "master", side == Side.A ? SIDE_A_BRIDGE : SIDE_B_BRIDGE, "up");
        ipIn(namespace, "addr", "add", address + "/24", "dev", "eth0");
        ipIn(namespace, "link", "set", "eth0", "up");
        return new Host(namespace, address, side);
    }

    /** Cuts the only link between the sides. */
    void cut() throws IOException, InterruptedException {
        ipIn(switchNamespace, "link", "set", TRUNK_A, "down");
    }

    /** Restores the link between the sides. */
    void heal() throws IOException, InterruptedException {
        ipIn(switchNamespace, "link", "set", TRUNK_A, "up");
    }

    /** The command prefix that runs a program inside {@code namespace}. */
    static List<String> inNamespace(String namespace) {
        return List.of("ip", "netns", "exec", namespace);
    }

    private void addNamespace(String namespace) throws IOException, InterruptedException {
        run(List.of("ip", "netns", "add", namespace));
        namespaces.add(namespace);
    }

    private void ipIn(String namespace, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("cannot run '%s': %s. The partition test needs iproute2's ip (scripts/install-deps "
                    + "installs it) and root", String.join(" ", command), e.getMessage());
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("'%s' did not finish within 30 s", String.join(" ", command));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            return fail("'%s' failed with exit code %d: %s. The partition test creates network namespaces and "
                    + "veth pairs, which needs root (or CAP_NET_ADMIN and CAP_SYS_ADMIN) and iproute2",
                    String.join(" ", command), process.exitValue(), output);
        }
        return output;
    }

    /** Ends every process left in the namespaces (the test started them all) and deletes the namespaces. */
    @Override
    public void close() {
        deleteNamespaces();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same
        }
    }

    private void deleteNamespaces() {
        List<String> all;
        synchronized (namespaces) {
            all = new ArrayList<>(namespaces);
            namespaces.clear();
        }
        for (String namespace : all.reversed()) {
            try {
                String pids = run(List.of("ip", "netns", "pids", namespace));
                pids.lines().map(String::strip).filter(line -> !line.isEmpty()).map(Long::parseLong)
                        .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                run(List.of("ip", "netns", "del", namespace));
            } catch (IOException | AssertionError e) {
                System.err.println("could not delete network namespace " + namespace + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
