package es.kompanion.bot.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.CoreProperties;

/**
 * Sends queued outbox messages through their topic's {@link OutboxHandler}: the oldest
 * pending message of each stream, several streams at a time, with exponential back-off on
 * failure.
 *
 * <p>
 * A message is claimed with a lease before it is sent, so two instances never send it at
 * the same time; an instance that dies mid-send leaves the lease to expire and the
 * message is sent again. Delivery is therefore at least once.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final int SENDERS = 4;

	private final Semaphore idleSenders = new Semaphore(SENDERS);

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final OutboxSignal signal;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CoreProperties.Outbox settings;

	private final Map<String, OutboxHandler<?>> handlers;

	private volatile boolean running;

	private @Nullable Thread loop;

	private @Nullable ExecutorService senders;

	OutboxDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, OutboxSignal signal,
			ApplicationEventPublisher events, Clock clock, CoreProperties properties, List<OutboxHandler<?>> handlers) {
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
		this.transactions = transactions;
		this.json = json;
		this.signal = signal;
		this.events = events;
		this.clock = clock;
		this.settings = properties.outbox();
		this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::topic, Function.identity()));
	}

	@Override
	public void start() {
		this.running = true;
		if (this.handlers.isEmpty()) {
			log.info("Outbox has no channel to deliver to");
			return;
		}
		this.senders = Executors.newFixedThreadPool(SENDERS, (task) -> {
			Thread thread = new Thread(task, "outbox-sender");
			thread.setDaemon(true);
			return thread;
		});
		Thread thread = new Thread(this::run, "outbox-dispatcher");
		thread.setDaemon(true);
		thread.start();
		this.loop = thread;
		log.info("Outbox delivering to {}", this.handlers.keySet());
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.loop != null) {
			this.loop.interrupt();
			try {
				this.loop.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.senders != null) {
			this.senders.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				int free = this.idleSenders.availablePermits();
				List<Pending> due = (free > 0) ? claimDue(free) : List.of();
				for (Pending message : due) {
					this.idleSenders.acquire();
					this.senders.execute(() -> sendAndRelease(message));
				}
				if (due.isEmpty()) {
					this.signal.await(this.settings.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Outbox round failed; retrying shortly", ex);
				sleepQuietly(this.settings.pollInterval());
			}
		}
	}

	/**
	 * Sends one message on a sender thread, then frees the sender and wakes the loop, so
	 * that a slow platform holds up only its own streams.
	 */
	private void sendAndRelease(Pending message) {
		try {
			deliver(message);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox sender failed on message {}", message.id(), ex);
		}
		finally {
			this.idleSenders.release();
			this.signal.wake();
		}
	}

	private List<Pending> claimDue(int limit) {
		Instant now = this.clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", utc(now))
			.addValue("topics", this.handlers.keySet())
			.addValue("limit", Math.min(limit, this.settings.batchSize()));
		List<Pending> heads = this.jdbc.query("""
				SELECT m.id, m.topic, m.payload, m.attempts FROM outbox_message m
				WHERE m.status = 'PENDING' AND m.topic IN (:topics) AND m.next_attempt_at <= :now
				  AND (m.locked_until IS NULL OR m.locked_until < :now)
				  AND m.id = (SELECT MIN(h.id) FROM outbox_message h
				              WHERE h.status = 'PENDING' AND h.stream_key = m.stream_key)
				ORDER BY m.id LIMIT :limit""", params,
				(rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
		List<Pending> claimed = new ArrayList<>();
		LocalDateTime leaseEnd = utc(now.plus(this.settings.lease()));
		for (Pending head : heads) {
			int won = this.jdbc.update("""
					UPDATE outbox_message SET locked_until = :leaseEnd
					WHERE id = :id AND status = 'PENDING' AND (locked_until IS NULL OR locked_until < :now)""",
					new MapSqlParameterSource("id", head.id()).addValue("leaseEnd", leaseEnd)
						.addValue("now", utc(now)));
			if (won == 1) {
				claimed.add(head);
			}
		}
		return claimed;
	}

	private void deliver(Pending message) {
		OutboxHandler<?> handler = this.handlers.get(message.topic());
		Object payload;
		try {
			payload = this.json.readValue(message.payload(), handler.payloadType());
		}
		catch (RuntimeException ex) {
			log.error("Outbox message {} has an unreadable payload; giving it up", message.id(), ex);
			finish(message.id(), "FAILED", "unreadable payload");
			return;
		}
		try {
			send(handler, payload);
			finish(message.id(), "SENT", null);
			log.debug("Outbox message {} sent to {}", message.id(), message.topic());
		}
		catch (DeliveryException ex) {
			failed(message, payload, ex.isRetryable(), ex.getMessage(), ex.getRetryAfter());
		}
		catch (RuntimeException ex) {
			failed(message, payload, true, ex.getClass().getSimpleName(), null);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void send(OutboxHandler<T> handler, Object payload) throws DeliveryException {
		handler.deliver((T) payload);
	}

	private void failed(Pending message, Object payload, boolean retryable, @Nullable String reason,
			@Nullable Duration retryAfter) {
		String why = (reason != null) ? abbreviate(reason) : "unknown";
		int attempts = message.attempts() + 1;
		if (!retryable || attempts >= this.settings.maxAttempts()) {
			if (retryable) {
				log.error("Outbox message {} to {} given up after {} attempts: {}", message.id(), message.topic(),
						attempts, why);
			}
			else {
				// Refused for good, such as a chat that blocked the bot: expected, and
				// reported.
				log.warn("Outbox message {} to {} refused: {}", message.id(), message.topic(), why);
			}
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("UPDATE outbox_message SET attempts = :attempts WHERE id = :id",
						new MapSqlParameterSource("id", message.id()).addValue("attempts", attempts));
				markFinished(message.id(), "FAILED", why);
				this.events.publishEvent(new DeliveryFailed(message.topic(), payload, why));
			});
			return;
		}
		Duration wait = (retryAfter != null) ? retryAfter : backoff(attempts);
		log.warn("Outbox message {} to {} failed ({}); attempt {} in {}", message.id(), message.topic(), why,
				attempts + 1, wait);
		this.jdbc.update("""
				UPDATE outbox_message SET attempts = :attempts, next_attempt_at = :next, locked_until = NULL,
				last_error = :error WHERE id = :id""",
				new MapSqlParameterSource("id", message.id()).addValue("attempts", attempts)
					.addValue("next", utc(this.clock.instant().plus(wait)))
					.addValue("error", why));
	}

	private Duration backoff(int attempts) {
		Duration wait = Duration.ofSeconds(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : wait;
	}

	private void finish(long id, String status, @Nullable String error) {
		this.transactions.executeWithoutResult((tx) -> markFinished(id, status, error));
	}

	private void markFinished(long id, String status, @Nullable String error) {
		this.jdbc.update("""
				UPDATE outbox_message SET status = :status, finished_at = :now, locked_until = NULL,
				last_error = :error WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("status", status)
					.addValue("now", utc(this.clock.instant()))
					.addValue("error", error));
	}

	private static String abbreviate(String reason) {
		return (reason.length() <= 500) ? reason : reason.substring(0, 500);
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Pending(long id, String topic, String payload, int attempts) {

	}

}
