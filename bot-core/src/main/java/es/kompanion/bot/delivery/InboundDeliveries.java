package es.kompanion.bot.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which platform deliveries (Telegram update ids, Slack event ids) were
 * processed, so that a delivery that arrives twice changes nothing the second time.
 */
@Component
public class InboundDeliveries {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	InboundDeliveries(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Claims a delivery in the caller's transaction. A concurrent second claim waits for
	 * the first transaction and then loses; if the first rolls back, the second wins.
	 * @return {@code true} the first time this delivery is seen
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean claim(String source, String deliveryId) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.jdbc.update(
				"INSERT IGNORE INTO processed_delivery (source, delivery_id, processed_at) " + "VALUES (?, ?, ?)",
				source, deliveryId, now) == 1;
	}

}
