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

import es.kompanion.bot.user.Channel;

/**
 * A file on one message of a ticket. It is recorded when the channel announces it and
 * stored when its bytes have been fetched.
 */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment {

	private static final int MAX_NAME = 255;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Column(name = "message_id")
	private Long messageId;

	@Enumerated(EnumType.STRING)
	private AttachmentDirection direction;

	@Enumerated(EnumType.STRING)
	@Column(name = "source_channel")
	private Channel sourceChannel;

	@Column(name = "source_ref")
	private String sourceRef;

	@Column(name = "file_name")
	private String fileName;

	@Column(name = "media_type")
	private String mediaType;

	@Column(name = "size_bytes")
	private long size;

	@Enumerated(EnumType.STRING)
	private AttachmentStatus status;

	@Column(name = "storage_key")
	private @Nullable String storageKey;

	private @Nullable String failure;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "stored_at")
	private @Nullable Instant storedAt;

	protected TicketAttachment() {
		this.ticketId = 0L;
		this.messageId = 0L;
		this.direction = AttachmentDirection.FROM_CLIENT;
		this.sourceChannel = Channel.TELEGRAM;
		this.sourceRef = "";
		this.fileName = "";
		this.mediaType = "";
		this.status = AttachmentStatus.PENDING;
		this.createdAt = Instant.EPOCH;
	}

	TicketAttachment(Long ticketId, Long messageId, AttachmentDirection direction, Channel sourceChannel,
			IncomingFile file, Instant now) {
		this.ticketId = ticketId;
		this.messageId = messageId;
		this.direction = direction;
		this.sourceChannel = sourceChannel;
		this.sourceRef = file.sourceRef();
		this.fileName = shortName(file.fileName());
		this.mediaType = cut(file.mediaType(), 128);
		this.size = file.size();
		this.status = AttachmentStatus.PENDING;
		this.createdAt = now;
	}

	public Long getId() {
		Assert.state(this.id != null, "TicketAttachment is not saved yet");
		return this.id;
	}

	public Long getTicketId() {
		return this.ticketId;
	}

	public Long getMessageId() {
		return this.messageId;
	}

	public AttachmentDirection getDirection() {
		return this.direction;
	}

	public Channel getSourceChannel() {
		return this.sourceChannel;
	}

	public String getSourceRef() {
		return this.sourceRef;
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getMediaType() {
		return this.mediaType;
	}

	public long getSize() {
		return this.size;
	}

	public AttachmentStatus getStatus() {
		return this.status;
	}

	public @Nullable String getStorageKey() {
		return this.storageKey;
	}

	public @Nullable String getFailure() {
		return this.failure;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * @return {@code false} if it was already stored or failed, so nothing changed
	 */
	boolean store(String key, long storedSize, Instant now) {
		if (this.status != AttachmentStatus.PENDING) {
			return false;
		}
		this.status = AttachmentStatus.STORED;
		this.storageKey = key;
		this.size = storedSize;
		this.storedAt = now;
		return true;
	}

	/**
	 * The channel told what the file really is only once it was fetched.
	 */
	void describe(String name, String type) {
		this.fileName = shortName(name);
		this.mediaType = cut(type, 128);
	}

	boolean fail(String reason) {
		if (this.status != AttachmentStatus.PENDING) {
			return false;
		}
		this.status = AttachmentStatus.FAILED;
		this.failure = cut(reason, MAX_NAME);
		return true;
	}

	private static String cut(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max));
	}

	/**
	 * A name that fits the column and keeps its extension, so that a long name still
	 * opens with the right program.
	 */
	static String shortName(String name) {
		int max = MAX_NAME / 2;
		if (name.codePointCount(0, name.length()) <= max) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
		return cut(name.substring(0, name.length() - extension.length()), max - extension.length() - 1) + "…"
				+ extension;
	}

}
