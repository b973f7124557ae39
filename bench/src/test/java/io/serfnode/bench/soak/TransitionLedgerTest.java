package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitionLedgerTest {
    private final TransitionLedger ledger = new TransitionLedger();

    @Test
    void countsWhatWasProducedButNeverSeenAsLostAndWhatWasSeenTwiceAsDuplicated() {
        ledger.open();
        ledger.produced("a", 1);
        ledger.produced("a", 2);
        ledger.produced("b", 1);
        ledger.seen("a", 1);
        ledger.seen("a", 1);
        ledger.seen("b", 1);

        TransitionLedger.Tally tally = ledger.tally();

        assertThat(tally.produced()).isEqualTo(3);
        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.duplicated()).isEqualTo(1);
        assertThat(ledger.lostExamples(5)).isEqualTo("[a#2]");
    }

    @Test
    void countsWhatADyingMemberProducesApartAndIgnoresWhatCameBeforeTheClientListened() {
        ledger.produced("a", 1);
        ledger.open();
        ledger.produced("a", 2);
        ledger.dying("a");
        ledger.produced("a", 3);
        ledger.seen("a", 2);

        TransitionLedger.Tally tally = ledger.tally();

        assertThat(tally.produced()).isEqualTo(1);
        assertThat(tally.lost()).isZero();
        assertThat(tally.producedWhileDying()).isEqualTo(1);
        assertThat(tally.lostWhileDying()).isEqualTo(1);
    }
}
