package es.kompanion.bot.resource;

import java.time.LocalDate;

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
 * An entry of the fiscal calendar: the last day to file a tax form, and who it concerns.
 * The calendar holds one entry per form and date.
 */
@Entity
@Table(name = "fiscal_deadline")
public class FiscalDeadline {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "due_date")
	private LocalDate dueDate;

	@Column(name = "tax_form")
	private String taxForm;

	@Column(name = "title_es")
	private String titleEs;

	@Column(name = "title_en")
	private @Nullable String titleEn;

	@Enumerated(EnumType.STRING)
	@Column(name = "applies_to")
	private AppliesTo appliesTo;

	protected FiscalDeadline() {
		this.dueDate = LocalDate.EPOCH;
		this.taxForm = "";
		this.titleEs = "";
		this.appliesTo = AppliesTo.ALL;
	}

	FiscalDeadline(DeadlineDraft draft) {
		this();
		describe(draft);
	}

	public Long getId() {
		Assert.state(this.id != null, "FiscalDeadline is not saved yet");
		return this.id;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public String getTaxForm() {
		return this.taxForm;
	}

	public String getTitleEs() {
		return this.titleEs;
	}

	public @Nullable String getTitleEn() {
		return this.titleEn;
	}

	/**
	 * The title in the client's language; Spanish when there is no English one.
	 */
	public String title(String language) {
		return ("en".equals(language) && this.titleEn != null) ? this.titleEn : this.titleEs;
	}

	public AppliesTo getAppliesTo() {
		return this.appliesTo;
	}

	/**
	 * Whether this entry is for the same form on the same day, however the form's name is
	 * capitalized.
	 */
	boolean isSameAs(LocalDate dueDate, String taxForm) {
		return this.dueDate.equals(dueDate) && this.taxForm.equalsIgnoreCase(taxForm);
	}

	void describe(DeadlineDraft draft) {
		this.dueDate = draft.dueDate();
		this.taxForm = draft.taxForm();
		this.titleEs = draft.titleEs();
		this.titleEn = draft.titleEn();
		this.appliesTo = draft.appliesTo();
	}

}
