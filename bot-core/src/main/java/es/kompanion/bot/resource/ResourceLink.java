package es.kompanion.bot.resource;

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
 * A link the bot hands out, such as Kompanion Academy. Links that came with the install
 * need review until an admin saves them, so a placeholder address is never taken for the
 * real one.
 */
@Entity
@Table(name = "resource_link")
public class ResourceLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	private LinkKind kind;

	@Column(name = "title_es")
	private String titleEs;

	@Column(name = "title_en")
	private String titleEn;

	private String url;

	private int position;

	private boolean active;

	@Column(name = "needs_review")
	private boolean needsReview;

	protected ResourceLink() {
		this.kind = LinkKind.OTHER;
		this.titleEs = "";
		this.titleEn = "";
		this.url = "";
	}

	ResourceLink(LinkDraft draft) {
		this();
		describe(draft);
		this.active = true;
	}

	public Long getId() {
		Assert.state(this.id != null, "ResourceLink is not saved yet");
		return this.id;
	}

	public LinkKind getKind() {
		return this.kind;
	}

	public String getTitleEs() {
		return this.titleEs;
	}

	public String getTitleEn() {
		return this.titleEn;
	}

	/**
	 * The title in the client's language, Spanish unless it is English.
	 */
	public String title(String language) {
		return "en".equals(language) ? this.titleEn : this.titleEs;
	}

	public String getUrl() {
		return this.url;
	}

	public int getPosition() {
		return this.position;
	}

	public boolean isActive() {
		return this.active;
	}

	public boolean isNeedsReview() {
		return this.needsReview;
	}

	/**
	 * Takes what an admin saved, which also confirms the address.
	 */
	void describe(LinkDraft draft) {
		this.kind = draft.kind();
		this.titleEs = draft.titleEs();
		this.titleEn = draft.titleEn();
		this.url = draft.url();
		this.position = draft.position();
		this.needsReview = false;
	}

	void deactivate() {
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

}
