package es.kompanion.bot.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The satisfaction answer for one closed ticket: a rating from 1 to 5 and an optional
 * comment.
 */
@Entity
@Table(name = "survey")
public class Survey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Column(name = "client_id")
	private Long clientId;

	private int rating;

	@Column(columnDefinition = "LONGTEXT")
	private @Nullable String comment;

	@Column(name = "answered_at")
	private Instant answeredAt;

	@Column(name = "commented_at")
	private @Nullable Instant commentedAt;

	protected Survey() {
		this.ticketId = 0L;
		this.clientId = 0L;
		this.answeredAt = Instant.EPOCH;
	}

	Survey(Long ticketId, Long clientId, int rating, Instant now) {
		Assert.isTrue(rating >= 1 && rating <= 5, "rating must be 1 to 5");
		this.ticketId = ticketId;
		this.clientId = clientId;
		this.rating = rating;
		this.answeredAt = now;
	}

	public Long getTicketId() {
		return this.ticketId;
	}

	public Long getClientId() {
		return this.clientId;
	}

	public int getRating() {
		return this.rating;
	}

	public @Nullable String getComment() {
		return this.comment;
	}

	public Instant getAnsweredAt() {
		return this.answeredAt;
	}

	boolean hasComment() {
		return this.comment != null;
	}

	void comment(String comment, Instant now) {
		Assert.state(this.comment == null, "Survey already has a comment");
		this.comment = comment;
		this.commentedAt = now;
	}

}
