package es.kompanion.bot.user;

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

import org.springframework.util.Assert;

/**
 * A client's account on one channel, such as a Telegram user, linked to a {@link Client}.
 */
@Entity
@Table(name = "chat_identity")
public class ChatIdentity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "client_id")
	private Long clientId;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Column(name = "external_user_id")
	private String externalUserId;

	@Column(name = "chat_id")
	private String chatId;

	@Column(name = "display_name")
	private @Nullable String displayName;

	@Column(name = "linked_at")
	private Instant linkedAt;

	protected ChatIdentity() {
		this.clientId = 0L;
		this.channel = Channel.TELEGRAM;
		this.externalUserId = "";
		this.chatId = "";
		this.linkedAt = Instant.EPOCH;
	}

	ChatIdentity(Long clientId, ChatAccount account) {
		this.clientId = clientId;
		this.channel = account.channel();
		this.externalUserId = account.externalUserId();
		this.chatId = account.chatId();
		this.displayName = account.displayName();
		this.linkedAt = Instant.now();
	}

	public Long getId() {
		Assert.state(this.id != null, "ChatIdentity is not saved yet");
		return this.id;
	}

	public Long getClientId() {
		return this.clientId;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public String getExternalUserId() {
		return this.externalUserId;
	}

	public String getChatId() {
		return this.chatId;
	}

	public @Nullable String getDisplayName() {
		return this.displayName;
	}

	public Instant getLinkedAt() {
		return this.linkedAt;
	}

}
