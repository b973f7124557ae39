package io.serfnode.bench.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SightingsTest {

    @Test
    void keepsTheFirstSightingOfEachObserver() {
        Sightings sightings = new Sightings();

        sightings.record("event:1", "a", 10);
        sightings.record("event:1", "a", 20);
        sightings.record("event:1", "b", 30);

        assertThat(sightings.of("event:1")).containsEntry("a", 10L).containsEntry("b", 30L).hasSize(2);
    }

    @Test
    void awaitingReturnsFalseWhenTooFewSawItByTheDeadline() throws InterruptedException {
        Sightings sightings = new Sightings();
        sightings.record("event:1", "a", 10);

        assertThat(sightings.await("event:1", 2, System.nanoTime())).isFalse();
        assertThat(sightings.await("event:1", 1, System.nanoTime())).isTrue();
    }
}
