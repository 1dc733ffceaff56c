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

import es.kompanion.bot.user.Department;

/**
 * A question clients of one department often ask, with its answer, in one language.
 */
@Entity
@Table(name = "faq_entry")
public class FaqEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	private Department department;

	private String language;

	private String question;

	@Column(columnDefinition = "LONGTEXT")
	private String answer;

	private int position;

	private boolean active;

	protected FaqEntry() {
		this.department = Department.OTHER;
		this.language = "es";
		this.question = "";
		this.answer = "";
	}

	FaqEntry(FaqDraft draft) {
		this();
		describe(draft);
		this.active = true;
	}

	public Long getId() {
		Assert.state(this.id != null, "FaqEntry is not saved yet");
		return this.id;
	}

	public Department getDepartment() {
		return this.department;
	}

	public String getLanguage() {
		return this.language;
	}

	public String getQuestion() {
		return this.question;
	}

	public String getAnswer() {
		return this.answer;
	}

	public int getPosition() {
		return this.position;
	}

	public boolean isActive() {
		return this.active;
	}

	void describe(FaqDraft draft) {
		this.department = draft.department();
		this.language = draft.language();
		this.question = draft.question();
		this.answer = draft.answer();
		this.position = draft.position();
	}

	void moveTo(int position) {
		this.position = Limits.position(position);
	}

	void deactivate() {
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

}
