package es.kompanion.bot.user;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A person at a client company, registered by staff and identified by a unique email.
 */
@Entity
@Table(name = "client")
public class Client {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String email;

	@Column(name = "full_name")
	private String fullName;

	private @Nullable String company;

	private String language;

	private boolean active;

	@Column(name = "documents_url")
	private @Nullable String documentsUrl;

	@Column(name = "holded_url")
	private @Nullable String holdedUrl;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Client() {
		this.email = "";
		this.fullName = "";
		this.language = "es";
		this.createdAt = Instant.EPOCH;
	}

	public Client(String email, String fullName, @Nullable String company, String language) {
		Assert.hasText(email, "email must not be empty");
		Assert.hasText(fullName, "name must not be empty");
		this.email = normalizeEmail(email);
		this.fullName = fullName.strip();
		this.company = company;
		this.language = language;
		this.active = true;
		this.createdAt = Instant.now();
	}

	/**
	 * The form emails are stored and compared in.
	 */
	public static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	public Long getId() {
		Assert.state(this.id != null, "Client is not saved yet");
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getFullName() {
		return this.fullName;
	}

	public @Nullable String getCompany() {
		return this.company;
	}

	public String getLanguage() {
		return this.language;
	}

	public boolean isActive() {
		return this.active;
	}

	public @Nullable String getDocumentsUrl() {
		return this.documentsUrl;
	}

	public @Nullable String getHoldedUrl() {
		return this.holdedUrl;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * Changes who the client is and how the bot speaks to them.
	 */
	public void describe(String email, String fullName, @Nullable String company, String language) {
		Assert.hasText(email, "email must not be empty");
		Assert.hasText(fullName, "name must not be empty");
		this.email = normalizeEmail(email);
		this.fullName = fullName.strip();
		this.company = company;
		this.language = language;
	}

	/**
	 * The client chose another language in the chat.
	 */
	public void speak(String language) {
		this.language = language;
	}

	/**
	 * The client can no longer use the bot; their tickets and chat identities stay.
	 */
	public void deactivate() {
		this.active = false;
	}

	public void reactivate() {
		this.active = true;
	}

	public void useLinks(@Nullable String documentsUrl, @Nullable String holdedUrl) {
		this.documentsUrl = documentsUrl;
		this.holdedUrl = holdedUrl;
	}

}
