package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.wire.WireCodec;
import org.junit.jupiter.api.Test;

class ReadingRehearsalTest {
    @Test
    void readsEveryMadeUpMessageWithoutAnError() throws Exception {
        WireCodec codec = new WireCodec();

        int read = ReadingRehearsal.run(codec, new ServerMessageReader(codec));

        assertThat(read).isEqualTo(ReadingRehearsal.SNAPSHOT_READS + ReadingRehearsal.EVENT_READS);
    }
}
