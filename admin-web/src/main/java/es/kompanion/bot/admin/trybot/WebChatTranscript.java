package es.kompanion.bot.admin.trybot;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lines of each web chat, both sides, in the order they were written.
 */
@Component
class WebChatTranscript {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	WebChatTranscript(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	void append(String chatId, WebChatLine line) {
		this.jdbc.update("INSERT INTO web_chat_message (chat_id, payload, created_at) VALUES (?, ?, ?)", chatId,
				this.json.writeValueAsString(line), LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
	}

	/**
	 * The chat's lines written after the given one, oldest first.
	 */
	List<WebChatMessage> after(String chatId, long afterId, int limit) {
		return this.jdbc.query(
				"SELECT id, payload FROM web_chat_message WHERE chat_id = ? AND id > ? ORDER BY id LIMIT ?",
				(rs, row) -> WebChatMessage.of(rs.getLong(1), this.json.readValue(rs.getString(2), WebChatLine.class)),
				chatId, afterId, limit);
	}

}
