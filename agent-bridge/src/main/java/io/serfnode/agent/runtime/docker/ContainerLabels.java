package io.serfnode.agent.runtime.docker;

import io.serfnode.agent.child.ChildSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels that make a container recognisably a child of a member, so that a restarted agent finds
 * its own containers (and only those) and can tell whether one still matches the child's spec.
 */
public final class ContainerLabels {
    public static final String MEMBER = "io.serfnode.member";
    public static final String CHILD = "io.serfnode.child";
    public static final String SPEC_HASH = "io.serfnode.spec-hash";

    private ContainerLabels() {
    }

    public static Map<String, String> of(String member, ChildSpec spec) {
        return Map.of(MEMBER, member, CHILD, spec.name(), SPEC_HASH, specHash(spec));
    }

    /**
     * A digest of everything in {@code spec} that shapes its container (not the supervision rules, which
     * the container never sees). Equal specs give equal hashes across agent restarts and JVMs.
     */
    public static String specHash(ChildSpec spec) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // a length-prefixed canonical encoding: no two different specs share one byte sequence
            writeString(out, spec.name());
            writeString(out, spec.image());
            writeList(out, spec.command());
            writeList(out, spec.entrypoint());
            out.writeInt(spec.environment().size());
            for (Map.Entry<String, String> entry : new TreeMap<>(spec.environment()).entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
            writeList(out, spec.volumes());
            writeList(out, spec.volumesFrom());
            writeList(out, spec.links());
            writeList(out, spec.ports());
            writeList(out, spec.expose());
            writeString(out, spec.workingDir() == null ? null : spec.workingDir().toString());
            writeString(out, spec.user());
            out.writeBoolean(spec.privileged());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static void writeList(DataOutputStream out, Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
