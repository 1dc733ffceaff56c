package es.kompanion.bot.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.Channel;

/**
 * The persisted state of one chat's dialog: the machine's state and its variables, so
 * that a restart resumes where the client was.
 */
@Entity
@Table(name = "conversation")
class Conversation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Column(name = "external_user_id")
	private String externalUserId;

	@Column(name = "chat_id")
	private String chatId;

	@Enumerated(EnumType.STRING)
	private ConversationState state;

	@Column(columnDefinition = "LONGTEXT")
	private String variables;

	private String language;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Conversation() {
		this.channel = Channel.TELEGRAM;
		this.externalUserId = "";
		this.chatId = "";
		this.state = ConversationState.IDLE;
		this.variables = "{}";
		this.language = "es";
		this.updatedAt = Instant.EPOCH;
	}

	Channel getChannel() {
		return this.channel;
	}

	String getChatId() {
		return this.chatId;
	}

	ConversationState getState() {
		return this.state;
	}

	String getVariables() {
		return this.variables;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	String getLanguage() {
		return this.language;
	}

	void useChat(String chatId) {
		this.chatId = chatId;
	}

	void speak(String language) {
		this.language = language;
	}

	void remember(ConversationState state, String variables, Instant now) {
		this.state = state;
		this.variables = variables;
		this.updatedAt = now;
	}

}
