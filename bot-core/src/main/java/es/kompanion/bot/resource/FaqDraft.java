package es.kompanion.bot.resource;

import org.springframework.util.Assert;

import es.kompanion.bot.user.Department;

/**
 * What staff fill in for a FAQ entry; texts are trimmed and line breaks become
 * {@code \n}, as chat apps expect them.
 *
 * @param department the department whose clients ask it
 * @param language {@code es} or {@code en}
 * @param question the question as a client would ask it
 * @param answer the answer, at most {@link Limits#ANSWER_LENGTH} characters
 * @param position where it goes in its department and language, smaller first
 * @throws IllegalArgumentException if a value breaks the {@link Limits}
 */
public record FaqDraft(Department department, String language, String question, String answer, int position) {

	public FaqDraft {
		Assert.isTrue(Limits.LANGUAGES.contains(language), "language must be es or en");
		question = Limits.text(question, Limits.QUESTION_LENGTH, "question");
		answer = Limits.text(Limits.unixLineBreaks(answer), Limits.ANSWER_LENGTH, "answer");
		Limits.position(position);
	}

}
