package es.kompanion.bot.admin.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.resource.FaqDraft;
import es.kompanion.bot.resource.FaqEntry;
import es.kompanion.bot.resource.Limits;
import es.kompanion.bot.user.Department;

/**
 * A FAQ entry as the form sends it: raw text, checked by {@link #problems()} before
 * anything is saved.
 */
record FaqForm(@Nullable String department, @Nullable String language, @Nullable String question,
		@Nullable String answer, @Nullable String position) {

	static FaqForm empty(Department department, String language, int position) {
		return new FaqForm(department.name(), language, "", "", String.valueOf(position));
	}

	static FaqForm of(FaqEntry entry) {
		return new FaqForm(entry.getDepartment().name(), entry.getLanguage(), entry.getQuestion(), entry.getAnswer(),
				String.valueOf(entry.getPosition()));
	}

	/**
	 * Field name to message code, in the form's order; empty when the entry can be saved.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (FormChecks.parseEnum(Department.class, this.department) == null) {
			problems.put("department", "resources.error.choice");
		}
		if (!Limits.LANGUAGES.contains(FormChecks.text(this.language))) {
			problems.put("language", "resources.error.choice");
		}
		FormChecks.requiredText(problems, "question", this.question, Limits.QUESTION_LENGTH);
		FormChecks.requiredText(problems, "answer", (this.answer != null) ? Limits.unixLineBreaks(this.answer) : null,
				Limits.ANSWER_LENGTH);
		FormChecks.position(problems, this.position);
		return problems;
	}

	/**
	 * The entry to save; call only when {@link #problems()} is empty.
	 */
	FaqDraft toDraft() {
		return new FaqDraft(Objects.requireNonNull(FormChecks.parseEnum(Department.class, this.department)),
				FormChecks.text(this.language), FormChecks.text(this.question), FormChecks.text(this.answer),
				Objects.requireNonNull(FormChecks.parsePosition(this.position)));
	}

}
