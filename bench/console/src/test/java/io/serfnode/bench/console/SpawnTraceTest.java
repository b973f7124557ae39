package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.RuntimeKind;
import io.serfnode.model.command.StepProgress;
import org.junit.jupiter.api.Test;

class SpawnTraceTest {

    @Test
    void keepsTheFirstArrivalOfEachStepAndTheMembersTheCreatedStepsName() {
        SpawnTrace trace = new SpawnTrace(100);

        trace.progress(new StepProgress("requested", "1 member like web-1 on web-1"), 110);
        trace.progress(new StepProgress("created", "member web-2: process 4242 on 127.0.0.9:41234"), 130);
        trace.progress(new StepProgress("joined", "member web-2 is alive at 127.0.0.9:41234"), 900);
        trace.progress(new StepProgress("joined", "member web-2 is alive at 127.0.0.9:41234"), 950);

        assertThat(trace.step("requested")).contains(110L);
        assertThat(trace.step("joined")).contains(900L);
        assertThat(trace.step("failed")).isEmpty();
        assertThat(trace.createdNames()).containsExactly("web-2");
        assertThat(trace.handles()).containsExactly(new SpawnedHandle(RuntimeKind.PROCESS, "4242"));
        assertThat(trace.done()).isFalse();
        assertThat(trace.outcome()).isEqualTo("pending");
    }
}
