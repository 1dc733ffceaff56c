package es.kompanion.bot.ticket;

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
 * One message on a ticket: from the client, from staff, an internal note or a system
 * event.
 */
@Entity
@Table(name = "ticket_message")
public class TicketMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Enumerated(EnumType.STRING)
	@Column(name = "author_type")
	private AuthorType authorType;

	@Column(name = "author_ref")
	private @Nullable String authorRef;

	@Column(columnDefinition = "LONGTEXT")
	private String body;

	@Column(name = "external_ref")
	private @Nullable String externalRef;

	@Column(name = "created_at")
	private Instant createdAt;

	protected TicketMessage() {
		this.ticketId = 0L;
		this.authorType = AuthorType.SYSTEM;
		this.body = "";
		this.createdAt = Instant.EPOCH;
	}

	TicketMessage(Long ticketId, Actor author, String body, @Nullable String externalRef, Instant now) {
		this.ticketId = ticketId;
		this.authorType = author.type();
		this.authorRef = author.ref();
		this.body = body;
		this.externalRef = externalRef;
		this.createdAt = now;
	}

	public Long getId() {
		Assert.state(this.id != null, "TicketMessage is not saved yet");
		return this.id;
	}

	public Long getTicketId() {
		return this.ticketId;
	}

	public AuthorType getAuthorType() {
		return this.authorType;
	}

	public @Nullable String getAuthorRef() {
		return this.authorRef;
	}

	public String getBody() {
		return this.body;
	}

	public @Nullable String getExternalRef() {
		return this.externalRef;
	}

	/**
	 * The same record told by the system, on behalf of whoever caused it.
	 */
	TicketMessage asSystem() {
		this.authorType = AuthorType.SYSTEM;
		return this;
	}

	/**
	 * The client edited the chat message this one came from.
	 */
	void correct(String text) {
		this.body = text;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
