package es.kompanion.bot.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One admin action: who did it, what kind of action, on what, and a short description of
 * the change. Entries are never changed once written.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	private String actor;

	private String action;

	private String target;

	private @Nullable String details;

	protected AuditEntry() {
		this.occurredAt = Instant.EPOCH;
		this.actor = "";
		this.action = "";
		this.target = "";
	}

	AuditEntry(Instant occurredAt, String actor, String action, String target, @Nullable String details) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.target = target;
		this.details = details;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getAction() {
		return this.action;
	}

	public String getTarget() {
		return this.target;
	}

	public @Nullable String getDetails() {
		return this.details;
	}

}
