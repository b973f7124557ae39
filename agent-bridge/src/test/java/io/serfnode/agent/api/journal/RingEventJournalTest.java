package io.serfnode.agent.api.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Payload;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.UserEvent;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RingEventJournalTest {
    private static final ComponentLog LOG = ComponentLog.of("test", "journal");

    private static ClusterEvent event(int n) {
        return new UserEvent(Instant.EPOCH, "e" + n, Payload.EMPTY, false, n);
    }

    private static final class Recorder implements JournalCallback {
        final List<SequencedEvent> events = Collections.synchronizedList(new ArrayList<>());
        volatile Closeable subscription;
        volatile boolean completed;

        @Override
        public void onStart(Closeable started) {
            subscription = started;
        }

        @Override
        public void onNext(SequencedEvent event) {
            events.add(event);
        }

        @Override
        public void onComplete() {
            completed = true;
        }

        List<Long> seqs() {
            synchronized (events) {
                return events.stream().map(SequencedEvent::seq).toList();
            }
        }
    }

    @Test
    void numbersEventsFromOneWithoutGaps() {
        RingEventJournal journal = new RingEventJournal("s", 10, LOG);

        assertThat(journal.lastSeq()).isZero();
        assertThat(journal.append(event(1)).seq()).isEqualTo(1);
        assertThat(journal.append(event(2)).seq()).isEqualTo(2);
        assertThat(journal.lastSeq()).isEqualTo(2);
    }

    @Test
    void startsASubscriptionAfterTheLatestEventWithTheRecentOnes() {
        RingEventJournal journal = new RingEventJournal("s", 10, LOG);
        for (int i = 1; i <= 5; i++) {
            journal.append(event(i));
        }
        Recorder recorder = new Recorder();

        JournalStart start = journal.subscribe(3, recorder);
        journal.append(event(6));

        assertThat(start.seq()).isEqualTo(5);
        assertThat(start.recent()).extracting(SequencedEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(recorder.seqs()).containsExactly(6L);
        assertThat(recorder.subscription).isNotNull();
    }

    @Test
    void keepsOnlyTheLatestCapacityEvents() {
        RingEventJournal journal = new RingEventJournal("s", 4, LOG);
        for (int i = 1; i <= 10; i++) {
            journal.append(event(i));
        }

        assertThat(journal.subscribe(100, new Recorder()).recent()).extracting(SequencedEvent::seq)
                .containsExactly(7L, 8L, 9L, 10L);
    }

    @Test
    void replaysWhatAResumingSubscriberMissedThenGoesLive() {
        RingEventJournal journal = new RingEventJournal("s", 10, LOG);
        for (int i = 1; i <= 5; i++) {
            journal.append(event(i));
        }
        Recorder recorder = new Recorder();

        assertThat(journal.resume(2, 100, recorder)).isTrue();
        journal.append(event(6));

        assertThat(recorder.seqs()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void refusesToResumeWhenEventsAreNoLongerHeldOrWereNeverAppended() {
        RingEventJournal journal = new RingEventJournal("s", 4, LOG);
        for (int i = 1; i <= 10; i++) {
            journal.append(event(i));
        }

        assertThat(journal.resume(5, 100, new Recorder())).as("event 6 is gone").isFalse();
        assertThat(journal.resume(6, 100, new Recorder())).as("7..10 are held").isTrue();
        assertThat(journal.resume(11, 100, new Recorder())).as("beyond the stream").isFalse();
        assertThat(journal.resume(6, 3, new Recorder())).as("more than the replay limit").isFalse();
        assertThat(journal.resume(10, 0, new Recorder())).as("nothing missed").isTrue();
    }

    @Test
    void stopsDeliveringOnceTheSubscriptionIsClosed() throws IOException {
        RingEventJournal journal = new RingEventJournal("s", 4, LOG);
        Recorder recorder = new Recorder();
        journal.subscribe(0, recorder);
        journal.append(event(1));

        recorder.subscription.close();
        journal.append(event(2));

        assertThat(recorder.seqs()).containsExactly(1L);
    }

    @Test
    void dropsASubscriberThatThrowsAndServesTheOthers() {
        RingEventJournal journal = new RingEventJournal("s", 4, LOG);
        journal.subscribe(0, event -> {
            throw new IllegalStateException("broken");
        });
        Recorder recorder = new Recorder();
        journal.subscribe(0, recorder);

        journal.append(event(1));
        journal.append(event(2));

        assertThat(recorder.seqs()).containsExactly(1L, 2L);
    }

    @Test
    void completesSubscribersAndRefusesAppendsWhenClosed() {
        RingEventJournal journal = new RingEventJournal("s", 4, LOG);
        Recorder recorder = new Recorder();
        journal.subscribe(0, recorder);

        journal.close();

        assertThat(recorder.completed).isTrue();
        assertThatThrownBy(() -> journal.append(event(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void givesEverySubscriberEveryEventAfterItsStartExactlyOnceUnderConcurrentAppends() throws Exception {
        RingEventJournal journal = new RingEventJournal("s", 100_000, LOG);
        int appends = 20_000;
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<?> appender = threads.submit(() -> {
                go.await();
                for (int i = 1; i <= appends; i++) {
                    journal.append(event(i));
                }
                return null;
            });
            List<Future<List<Object>>> subscribers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                subscribers.add(threads.submit(() -> {
                    go.await();
                    List<Object> starts = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        Recorder recorder = new Recorder();
                        starts.add(journal.subscribe(1, recorder).seq());
                        starts.add(recorder);
                    }
                    return starts;
                }));
            }
            go.countDown();
            appender.get(30, TimeUnit.SECONDS);
            for (Future<List<Object>> subscriber : subscribers) {
                List<Object> starts = subscriber.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < starts.size(); i += 2) {
                    long from = (Long) starts.get(i);
                    Recorder recorder = (Recorder) starts.get(i + 1);
                    List<Long> expected = new ArrayList<>();
                    for (long seq = from + 1; seq <= appends; seq++) {
                        expected.add(seq);
                    }
                    assertThat(recorder.seqs()).as("events after %d", from).isEqualTo(expected);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
