package io.serfnode.bench.serf;

import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.SerfRpcDecoder;
import io.serfnode.agent.serf.rpc.StreamEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long the Serf RPC client takes to decode what a serf agent sends: a whole {@code members}
 * reply, and a burst of stream records read the way the stream connection's reader reads them
 * (header, then record, one after the other from one unpacker).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class SerfRpcDecodingBenchmark {

    @Param({"1000"})
    int members;

    @Param({"10000"})
    int records;

    private byte[] membersBody;
    private byte[] streamBurst;

    @Setup
    public void encodeSamples() {
        membersBody = SerfWireSamples.membersBody(members);
        streamBurst = SerfWireSamples.streamBurst(records, 7);
    }

    @Benchmark
    public List<SerfMember> decodeMembersReply() {
        return SerfRpcDecoder.members(membersBody);
    }

    @Benchmark
    public void decodeStreamBurst(Blackhole sink) throws IOException {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(streamBurst)) {
            for (int i = 0; i < records; i++) {
                in.skipValue(); // the response header {Seq, Error}
                StreamEvent event = SerfRpcDecoder.streamEvent(in);
                sink.consume(event);
            }
            if (in.hasNext()) {
                throw new IllegalStateException("the burst was not read to its end");
            }
        }
    }
}
