package es.kompanion.bot.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox on the real database: messages leave only after their transaction commits,
 * in order within a stream, are retried after a failure, and are given up and reported
 * when refused for good.
 */
@SpringBootTest(properties = { "kompanion.core.outbox.poll-interval=100ms", "kompanion.core.outbox.max-backoff=200ms",
		"kompanion.core.outbox.max-attempts=3" })
@Import(OutboxIntegrationTests.Handlers.class)
class OutboxIntegrationTests {

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private RecordingHandler handler;

	@Autowired
	private FailureLog failures;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void reset() {
		this.handler.sent.clear();
		this.handler.failuresLeft.clear();
		this.failures.events.clear();
	}

	@Test
	void sendsMessagesOfAStreamInOrder() {
		this.transactions.executeWithoutResult((tx) -> {
			for (int i = 1; i <= 5; i++) {
				this.outbox.enqueue("TEST", "stream-a", new Note("a", i));
				this.outbox.enqueue("TEST", "stream-b", new Note("b", i));
			}
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> this.handler.sent.size() == 10);
		assertThat(this.handler.sent.stream().filter((n) -> n.stream().equals("a")).map(Note::sequence))
			.containsExactly(1, 2, 3, 4, 5);
		assertThat(this.handler.sent.stream().filter((n) -> n.stream().equals("b")).map(Note::sequence))
			.containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void sendsNothingWhenTheTransactionRollsBack() {
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.enqueue("TEST", "stream-c", new Note("c", 1));
			tx.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((tx) -> this.outbox.enqueue("TEST", "stream-c", new Note("c", 2)));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.handler.sent.size() == 1);
		assertThat(this.handler.sent).containsExactly(new Note("c", 2));
	}

	@Test
	void retriesAFailedMessageBeforeTheNextOneOfItsStream() {
		this.handler.failuresLeft.put(1, new AtomicInteger(2));

		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.enqueue("TEST", "stream-d", new Note("d", 1));
			this.outbox.enqueue("TEST", "stream-d", new Note("d", 2));
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> this.handler.sent.size() == 2);
		assertThat(this.handler.sent).containsExactly(new Note("d", 1), new Note("d", 2));
		assertThat(this.jdbc.queryForList(
				"SELECT attempts FROM outbox_message WHERE stream_key = 'stream-d' ORDER BY id", Integer.class))
			.containsExactly(2, 0);
	}

	@Test
	void givesUpAfterTooManyFailuresAndReportsIt() {
		this.handler.failuresLeft.put(7, new AtomicInteger(100));

		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.enqueue("TEST", "stream-e", new Note("e", 7));
			this.outbox.enqueue("TEST", "stream-e", new Note("e", 8));
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> this.handler.sent.size() == 1);
		assertThat(this.handler.sent).containsExactly(new Note("e", 8));
		assertThat(this.failures.events).singleElement().satisfies((failed) -> {
			assertThat(failed.topic()).isEqualTo("TEST");
			assertThat(failed.payload()).isEqualTo(new Note("e", 7));
		});
		// The handler has the message before the dispatcher records it as sent.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForList(
					"SELECT status FROM outbox_message WHERE stream_key = 'stream-e' ORDER BY id", String.class),
					(statuses) -> statuses.equals(List.of("FAILED", "SENT")));
		assertThat(this.jdbc.queryForList(
				"SELECT attempts FROM outbox_message WHERE stream_key = 'stream-e' ORDER BY id", Integer.class))
			.containsExactly(3, 0);
	}

	@Test
	void aStuckStreamDoesNotHoldUpTheOthers() {
		CountDownLatch gate = new CountDownLatch(1);
		this.handler.gate = gate;

		this.transactions.executeWithoutResult((tx) -> this.outbox.enqueue("TEST", "stream-f", new Note("stuck", 1)));
		await().atMost(Duration.ofSeconds(10)).until(() -> gate.getCount() == 1 && this.handler.waiting.get());
		this.transactions.executeWithoutResult((tx) -> this.outbox.enqueue("TEST", "stream-g", new Note("g", 1)));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.handler.sent.contains(new Note("g", 1)));
		assertThat(this.handler.sent).doesNotContain(new Note("stuck", 1));
		gate.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.handler.sent.contains(new Note("stuck", 1)));
	}

	record Note(String stream, int sequence) {

	}

	static class RecordingHandler implements OutboxHandler<Note> {

		final List<Note> sent = new CopyOnWriteArrayList<>();

		final Map<Integer, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

		final AtomicBoolean waiting = new AtomicBoolean();

		volatile CountDownLatch gate = new CountDownLatch(0);

		@Override
		public String topic() {
			return "TEST";
		}

		@Override
		public Class<Note> payloadType() {
			return Note.class;
		}

		@Override
		public void deliver(Note note) throws DeliveryException {
			if (note.stream().equals("stuck")) {
				this.waiting.set(true);
				try {
					this.gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			AtomicInteger failures = this.failuresLeft.get(note.sequence());
			if (failures != null && failures.getAndDecrement() > 0) {
				throw DeliveryException.retryable("platform busy", null, null);
			}
			this.sent.add(note);
		}

	}

	static class FailureLog {

		final List<DeliveryFailed> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DeliveryFailed event) {
			this.events.add(event);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

		@Bean
		FailureLog failureLog() {
			return new FailureLog();
		}

	}

}
