package es.kompanion.bot.resource;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules every link, FAQ entry and deadline follows before it reaches the database.
 */
class DraftsTests {

	@Test
	void acceptsOnlyWebAddressesForLinks() {
		assertThat(Limits.isWebAddress("https://kompanion.es/academy")).isTrue();
		assertThat(Limits.isWebAddress("http://example.com")).isTrue();
		assertThat(Limits.isWebAddress("javascript:alert(1)")).isFalse();
		assertThat(Limits.isWebAddress("ftp://example.com/file")).isFalse();
		assertThat(Limits.isWebAddress("https:///no-host")).isFalse();
		assertThat(Limits.isWebAddress("https://exa mple.com")).isFalse();
		assertThat(Limits.isWebAddress("")).isFalse();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LinkDraft(LinkKind.OTHER, "Guía", "Guide", "javascript:alert(1)", 1));
	}

	@Test
	void trimsTextsAndNormalizesTheTaxForm() {
		DeadlineDraft draft = new DeadlineDraft(LocalDate.of(2027, 4, 20), "  Modelo   303 ", " IVA 1T ", "  ",
				AppliesTo.ALL);

		assertThat(draft.taxForm()).isEqualTo("Modelo 303");
		assertThat(draft.titleEs()).isEqualTo("IVA 1T");
		assertThat(draft.titleEn()).isNull();
	}

	@Test
	void limitsAnAnswerToFourThousandCharacters() {
		String longest = "a".repeat(Limits.ANSWER_LENGTH);

		FaqDraft accepted = new FaqDraft(Department.OTHER, "es", "¿Pregunta?", longest, 1);

		assertThat(accepted.answer()).hasSize(4000);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaqDraft(Department.OTHER, "es", "¿Pregunta?", longest + "a", 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaqDraft(Department.OTHER, "fr", "Question ?", "Réponse", 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaqDraft(Department.OTHER, "es", "¿Pregunta?", "Respuesta", -1));
	}

	@Test
	void countsALineBreakOfATextAreaAsOneCharacter() {
		String answer = "a".repeat(Limits.ANSWER_LENGTH - 2) + "\r\n";

		FaqDraft draft = new FaqDraft(Department.OTHER, "es", "¿Saltos?", "Línea 1\r\nLínea 2\rLínea 3", 1);
		FaqDraft longest = new FaqDraft(Department.OTHER, "es", "¿Justo?", answer + "b", 1);

		assertThat(draft.answer()).isEqualTo("Línea 1\nLínea 2\nLínea 3");
		assertThat(longest.answer()).hasSize(Limits.ANSWER_LENGTH);
	}

	@Test
	void concernsEverybodyOrOneKindOfClient() {
		assertThat(AppliesTo.ALL.includes(AppliesTo.SELF_EMPLOYED)).isTrue();
		assertThat(AppliesTo.SELF_EMPLOYED.includes(AppliesTo.SELF_EMPLOYED)).isTrue();
		assertThat(AppliesTo.COMPANIES.includes(AppliesTo.SELF_EMPLOYED)).isFalse();
	}

}
