package es.kompanion.bot.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A single-use, expiring invitation that links a chat account to a {@link Client}. Only
 * the hash of its token is stored.
 */
@Entity
@Table(name = "invitation")
class Invitation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

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

	protected Invitation() {
		this.clientId = 0L;
		this.tokenHash = "";
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	Invitation(Long clientId, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.clientId = clientId;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Long getClientId() {
		return this.clientId;
	}

}
