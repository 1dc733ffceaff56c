package es.kompanion.bot.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "when away" rule for staff answers by email.
 */
class TicketMailsTests {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	private static final Duration AWAY_AFTER = Duration.ofMinutes(15);

	@Test
	void countsAClientWhoNeverChattedAsAway() {
		assertThat(TicketMails.away(Optional.empty(), NOW, AWAY_AFTER)).isTrue();
	}

	@Test
	void countsAClientActiveWithinTheWindowAsPresent() {
		assertThat(TicketMails.away(Optional.of(NOW.minus(Duration.ofMinutes(14))), NOW, AWAY_AFTER)).isFalse();
	}

	@Test
	void countsAClientSilentLongerThanTheWindowAsAway() {
		assertThat(TicketMails.away(Optional.of(NOW.minus(Duration.ofMinutes(16))), NOW, AWAY_AFTER)).isTrue();
	}

}
