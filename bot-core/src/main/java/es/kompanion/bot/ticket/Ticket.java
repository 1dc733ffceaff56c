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
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Department;

/**
 * One topic raised by a client. Its status only changes through the intent methods, which
 * enforce the rules of the product.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long number;

	@Column(name = "client_id")
	private Long clientId;

	@Enumerated(EnumType.STRING)
	private Department department;

	@Enumerated(EnumType.STRING)
	private TicketStatus status;

	@Column(columnDefinition = "LONGTEXT")
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(name = "origin_channel")
	private Channel originChannel;

	@Column(name = "staff_thread_ref")
	private @Nullable String staffThreadRef;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@Column(name = "follow_up_of")
	private @Nullable Long followUpOf;

	@Version
	private long version;

	protected Ticket() {
		this.clientId = 0L;
		this.department = Department.OTHER;
		this.status = TicketStatus.OPEN;
		this.description = "";
		this.originChannel = Channel.TELEGRAM;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Ticket(long number, Long clientId, Department department, String description, Channel originChannel, Instant now) {
		this.number = number;
		this.clientId = clientId;
		this.department = department;
		this.status = TicketStatus.OPEN;
		this.description = description;
		this.originChannel = originChannel;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public Long getId() {
		Assert.state(this.id != null, "Ticket is not saved yet");
		return this.id;
	}

	public long getNumber() {
		return this.number;
	}

	public Long getClientId() {
		return this.clientId;
	}

	public Department getDepartment() {
		return this.department;
	}

	public TicketStatus getStatus() {
		return this.status;
	}

	public String getDescription() {
		return this.description;
	}

	public Channel getOriginChannel() {
		return this.originChannel;
	}

	public @Nullable String getStaffThreadRef() {
		return this.staffThreadRef;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant getClosedAt() {
		return this.closedAt;
	}

	/**
	 * The closed ticket this one continues, if it was started by writing on that one too
	 * late to reopen it.
	 */
	public @Nullable Long getFollowUpOf() {
		return this.followUpOf;
	}

	void continues(Long previousTicketId) {
		this.followUpOf = previousTicketId;
	}

	/**
	 * The client corrected the message that opened the ticket.
	 */
	void correctDescription(String text, Instant now) {
		this.description = text;
		this.updatedAt = now;
	}

	boolean isOwnedBy(Long clientId) {
		return this.clientId.equals(clientId);
	}

	/**
	 * Moves the ticket to the given status.
	 * @return {@code false} if it already had that status
	 * @throws IllegalStateException if the rules forbid the move
	 */
	boolean moveTo(TicketStatus target, Instant now) {
		if (this.status == target) {
			return false;
		}
		if (this.status == TicketStatus.CLOSED && target == TicketStatus.PENDING_CLIENT) {
			throw new IllegalStateException("Ticket " + this.number + " is " + this.status);
		}
		this.status = target;
		this.closedAt = (target == TicketStatus.CLOSED) ? now : null;
		this.updatedAt = now;
		return true;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	void attachStaffThread(String ref) {
		Assert.state(this.staffThreadRef == null || this.staffThreadRef.equals(ref),
				"Ticket already has a staff thread");
		this.staffThreadRef = ref;
	}

}
