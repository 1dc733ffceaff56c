package es.kompanion.bot.conversation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.user.Channel;

/**
 * Remembers which ticket each bot message in a chat was about, so that a client who
 * answers one with their platform's reply feature reaches that ticket. Channels record
 * the id the platform gave each message they sent for a {@link Reply} with a ticket.
 */
@Component
public class SentMessages {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SentMessages(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a sent message; recording the same one again changes nothing.
	 */
	@Transactional
	public void record(Channel channel, String chatId, String messageRef, Long ticketId) {
		this.jdbc.update(
				"INSERT IGNORE INTO sent_message (channel, chat_id, message_ref, ticket_id, created_at) "
						+ "VALUES (?, ?, ?, ?, ?)",
				channel.name(), chatId, messageRef, ticketId,
				LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
	}

	@Transactional(readOnly = true)
	public Optional<Long> ticketOf(Channel channel, String chatId, String messageRef) {
		List<Long> found = this.jdbc.queryForList(
				"SELECT ticket_id FROM sent_message WHERE channel = ? AND chat_id = ? AND message_ref = ?", Long.class,
				channel.name(), chatId, messageRef);
		return found.stream().findFirst();
	}

}
