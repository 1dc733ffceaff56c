package es.kompanion.bot.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A single-use, expiring link to the survey of one closed ticket, sent by email. Only the
 * hash of its token is stored.
 */
@Entity
@Table(name = "survey_link")
class SurveyLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Column(name = "client_id")
	private Long clientId;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "used_at")
	private @Nullable Instant usedAt;

	protected SurveyLink() {
		this.ticketId = 0L;
		this.clientId = 0L;
		this.tokenHash = "";
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	SurveyLink(Long ticketId, Long clientId, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.ticketId = ticketId;
		this.clientId = clientId;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Long getTicketId() {
		return this.ticketId;
	}

	Long getClientId() {
		return this.clientId;
	}

	boolean isUsable(Instant now) {
		return this.usedAt == null && this.expiresAt.isAfter(now);
	}

}
