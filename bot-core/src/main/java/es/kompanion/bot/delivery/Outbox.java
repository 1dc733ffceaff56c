package es.kompanion.bot.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores outgoing messages in the caller's transaction, so that they leave if and only if
 * the change that caused them commits. {@link OutboxDispatcher} sends them afterwards.
 */
@Component
public class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final OutboxSignal signal;

	private final Clock clock;

	Outbox(JdbcTemplate jdbc, JsonMapper json, OutboxSignal signal, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.signal = signal;
		this.clock = clock;
	}

	/**
	 * Queues a message. Messages that share a stream key are sent one at a time, in the
	 * order they were queued.
	 * @param topic names the {@link OutboxHandler} that sends it
	 * @param streamKey orders messages, such as one chat or one staff thread
	 * @param payload a record, stored as JSON
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String topic, String streamKey, Object payload) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.update(
				"INSERT INTO outbox_message (topic, stream_key, payload, status, attempts, next_attempt_at, "
						+ "created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)",
				topic, streamKey, this.json.writeValueAsString(payload), now, now);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Outbox.this.signal.wake();
				}
			});
		}
	}

}
