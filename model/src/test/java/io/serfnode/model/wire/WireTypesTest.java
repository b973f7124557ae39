package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.Payload;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.ViewReport;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import org.junit.jupiter.api.Test;

class WireTypesTest {
    @Test
    void reachesEveryMessageAndWhatItCarriesThroughSealedSubtypesAndRecordComponents() {
        var types = WireTypes.reachableFrom(ServerMessage.class, ClientMessage.class);

        assertThat(types).contains(SnapshotMessage.class, EventMessage.class, AuthMessage.class, CommandMessage.class,
                Member.class, ChildStatus.class, SupervisorStateChanged.class, UserEvent.class, Payload.class,
                SpawnMember.class, ViewReport.class);
        assertThat(types).noneMatch(type -> type.getPackageName().startsWith("java."));
    }

    @Test
    void aPreparedCodecReadsWhatItWrites() throws Exception {
        WireCodec codec = new WireCodec();

        codec.prepare();
        codec.prepare();

        LaggedMessage lagged = new LaggedMessage(17, 1024);
        assertThat(codec.decodeServer(codec.encode(lagged))).isEqualTo(lagged);
    }
}
