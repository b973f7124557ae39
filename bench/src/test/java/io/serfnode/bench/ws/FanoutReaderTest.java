package io.serfnode.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.Payload;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.SnapshotMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanoutReaderTest {

    @Test
    void measuresTheDelayOfEveryEventAfterTheWarmUpAndFinishesOnTheLast() {
        FanoutReader reader = subscribed(new FanoutReader(3, 1), 10);

        reader.onMessage(event(11, 0, 1_000), 5_000);
        reader.onMessage(event(12, 1, 2_000), 9_000);
        reader.onMessage(event(13, 2, 3_000), 4_000);

        FanoutReader.Result result = reader.result();
        assertThat(result.received()).isEqualTo(3);
        assertThat(result.outOfOrder()).isZero();
        assertThat(result.measured()).isEqualTo(2);
        assertThat(result.delays()).containsExactly(7_000, 1_000);
        assertThat(reader.finished().getCount()).isZero();
    }

    @Test
    void countsAGapInTheStreamAndALagNotice() {
        FanoutReader reader = subscribed(new FanoutReader(4, 0), 0);

        reader.onMessage(event(1, 0, 0), 1);
        reader.onMessage(event(3, 2, 0), 1);
        reader.onMessage(new LaggedMessage(3, 1024), 1);

        FanoutReader.Result result = reader.result();
        assertThat(result.outOfOrder()).isEqualTo(1);
        assertThat(result.lagged()).isEqualTo(1);
        assertThat(reader.finished().getCount()).isEqualTo(1);
    }

    @Test
    void readsItsOwnUserEventsFromTheTextAndLeavesEveryOtherMessageToTheCodec() {
        FanoutReader reader = subscribed(new FanoutReader(2, 0), 4);
        String userEvent = new io.serfnode.model.wire.WireCodec().encode(event(5, 0, 1_000));
        String lagged = new io.serfnode.model.wire.WireCodec().encode(new LaggedMessage(3, 1024));

        assertThat(reader.onText(userEvent, 4_000)).isTrue();
        assertThat(reader.onText(lagged, 4_000)).isFalse();

        FanoutReader.Result result = reader.result();
        assertThat(result.received()).isEqualTo(1);
        assertThat(result.outOfOrder()).isZero();
        assertThat(result.delays()[0]).isEqualTo(3_000);
    }

    private static FanoutReader subscribed(FanoutReader reader, long seq) {
        reader.onMessage(new SnapshotMessage(seq, List.of(), Map.of(), List.of()), 0);
        return reader;
    }

    private static EventMessage event(long streamSeq, long number, long emittedNanos) {
        byte[] payload = (number + " " + emittedNanos).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return new EventMessage(streamSeq, new UserEvent(Instant.EPOCH, "bench.fanout", Payload.of(payload), false,
                number));
    }
}
