package io.serfnode.bench.ws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The clients' results as the client JVM hands them to the harness: every measured delay, in binary. */
final class FanoutResultsFile {
    private static final int MAGIC = 0x46414e4f; // "FANO"

    private FanoutResultsFile() {
    }

    static void write(Path file, List<FanoutReader.Result> results) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(results.size());
            for (FanoutReader.Result result : results) {
                out.writeLong(result.received());
                out.writeInt(result.lagged());
                out.writeLong(result.outOfOrder());
                out.writeUTF(result.failure() == null ? "" : result.failure());
                out.writeInt(result.measured());
                for (int i = 0; i < result.measured(); i++) {
                    out.writeLong(result.delays()[i]);
                }
            }
        }
    }

    static List<FanoutReader.Result> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                1 << 16))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException(file + " is not a fan-out results file (starts with "
                        + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            List<FanoutReader.Result> results = new ArrayList<>(count);
            for (int c = 0; c < count; c++) {
                long received = in.readLong();
                int lagged = in.readInt();
                long outOfOrder = in.readLong();
                String failure = in.readUTF();
                int measured = in.readInt();
                long[] delays = new long[measured];
                for (int i = 0; i < measured; i++) {
                    delays[i] = in.readLong();
                }
                results.add(new FanoutReader.Result(received, lagged, outOfOrder,
                        failure.isEmpty() ? null : failure, delays, measured));
            }
            return results;
        }
    }
}
