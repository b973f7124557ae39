package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransitionLedgerTest {
    private static final long SECOND = 1_000_000_000L;

    private final TransitionLedger ledger = new TransitionLedger(Duration.ofSeconds(5));

    @Test
    void ignoresWhatMembersProducedBeforeTheStandInHadItsSnapshot() {
        ledger.produced("s01", 1, 0);
        ledger.open();
        ledger.produced("s01", 2, SECOND);
        ledger.seen("s01", 2);

        assertThat(ledger.tally()).isEqualTo(new TransitionLedger.Tally(1, 0, 0, 0, 0, 1, 0));
    }

    @Test
    void countsATransitionNeverSeenAsLostAndNamesIt() {
        ledger.open();
        ledger.produced("s02", 7, SECOND);
        ledger.produced("s02", 8, SECOND);
        ledger.seen("s02", 7);

        assertThat(ledger.tally().lost()).isEqualTo(1);
        assertThat(ledger.lostExamples(10)).containsExactly("s02#8");
    }

    @Test
    void countsATransitionSeenTwiceAsDuplicated() {
        ledger.open();
        ledger.produced("s03", 1, SECOND);
        ledger.seen("s03", 1);
        ledger.seen("s03", 1);

        assertThat(ledger.tally().duplicated()).isEqualTo(1);
        assertThat(ledger.duplicatedExamples(10)).containsExactly("s03#1 x2");
    }

    @Test
    void keepsTransitionsMadeJustBeforeAKillApartFromTheExpectedOnes() {
        ledger.open();
        ledger.produced("churn-1", 1, 10 * SECOND);
        ledger.produced("churn-1", 2, 96 * SECOND);
        ledger.produced("churn-1", 3, 99 * SECOND);
        ledger.seen("churn-1", 1);
        ledger.seen("churn-1", 2);
        ledger.killed("churn-1", 100 * SECOND);

        TransitionLedger.Tally tally = ledger.tally();

        assertThat(tally.expected()).isEqualTo(1);
        assertThat(tally.lost()).isZero();
        assertThat(tally.inFlightAtKill()).isEqualTo(2);
        assertThat(tally.lostInFlight()).isEqualTo(1);
        assertThat(ledger.lostExamples(10)).isEmpty();
    }

    @Test
    void aLossLongBeforeAKillStillCountsAsLost() {
        ledger.open();
        ledger.produced("churn-2", 1, 10 * SECOND);
        ledger.killed("churn-2", 100 * SECOND);

        assertThat(ledger.tally().lost()).isEqualTo(1);
    }

    @Test
    void countsCountersMissingFromAProducersOwnRecordAsGaps() {
        ledger.open();
        ledger.produced("churn-3", 1, SECOND);
        ledger.produced("churn-3", 4, SECOND);
        ledger.produced("s01", 5, SECOND);

        assertThat(ledger.tally().gaps()).isEqualTo(2);
    }
}
