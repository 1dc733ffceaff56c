package es.kompanion.bot.admin.ticket;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Dates as the firm reads them: in Madrid time.
 */
final class FirmTime {

	static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

	private FirmTime() {
	}

	static LocalDateTime of(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZONE);
	}

}
