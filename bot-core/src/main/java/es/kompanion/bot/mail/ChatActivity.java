package es.kompanion.bot.mail;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a client last did something in any of their linked chats, read from the
 * conversation each chat keeps.
 */
@Component
class ChatActivity {

	private final JdbcTemplate jdbc;

	ChatActivity(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return empty if the client never talked to the bot
	 */
	Optional<Instant> lastSeen(Long clientId) {
		LocalDateTime last = this.jdbc.queryForObject("""
				SELECT MAX(c.updated_at) FROM conversation c
				JOIN chat_identity i ON i.channel = c.channel AND i.external_user_id = c.external_user_id
				WHERE i.client_id = ?""", LocalDateTime.class, clientId);
		return Optional.ofNullable(last).map((time) -> time.toInstant(ZoneOffset.UTC));
	}

}
