package es.kompanion.bot.slack.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MrkdwnTests {

	@Test
	void escapesTheThreeControlCharacters() {
		assertThat(Mrkdwn.escape("a < b & c > d <!channel>")).isEqualTo("a &lt; b &amp; c &gt; d &lt;!channel&gt;");
	}

	@Test
	void leavesShortTextWhole() {
		assertThat(Mrkdwn.escape("hola & adiós", 16)).isEqualTo("hola &amp; adiós");
	}

	@Test
	void cutsLongTextWithAnEllipsisWithinTheLimit() {
		String text = "x".repeat(10) + "&" + "y".repeat(10);

		String escaped = Mrkdwn.escape(text, 14);

		assertThat(escaped).isEqualTo("xxxxxxxxxx…").hasSizeLessThanOrEqualTo(14);
	}

	@Test
	void neverCutsAnEmojiInHalf() {
		String text = "🟢".repeat(5);

		String escaped = Mrkdwn.escape(text, 6);

		assertThat(escaped).isEqualTo("🟢🟢…");
	}

	@Test
	void turnsStaffTextIntoPlainText() {
		String slack = "Hola &lt;Ana&gt;, mira <https://kompanion.es/guia|la guía> y <https://kompanion.es> "
				+ "o escribe a <mailto:hola@kompanion.es|hola@kompanion.es>. Visto en <#C0123|soporte> &amp; gracias";

		String plain = Mrkdwn.toPlainText(slack);

		assertThat(plain).isEqualTo("Hola <Ana>, mira la guía (https://kompanion.es/guia) y https://kompanion.es "
				+ "o escribe a hola@kompanion.es. Visto en #soporte & gracias");
	}

	@Test
	void dropsMentionsOfStaffButKeepsTheNamesTheyCarry() {
		String slack = "<@U024BE7LH> ya lo tiene. Cc <@U0G9QF9C6> y <@U0LAN0Z89|marta>, gracias <@W012A3CDE>.";

		String plain = Mrkdwn.toPlainText(slack);

		assertThat(plain).isEqualTo("ya lo tiene. Cc y marta, gracias.");
	}

	@Test
	void namesRegisteredStaffMentionedWithoutALabel() {
		String plain = Mrkdwn.toPlainText("Hola, <@U0MARTA> lo revisa y <@U0OTHER> también.",
				(id) -> id.equals("U0MARTA") ? "Marta Gil" : "");

		assertThat(plain).isEqualTo("Hola, Marta Gil lo revisa y también.");
	}

	@Test
	void dropsBroadcastsToTheStaffChannel() {
		String slack = "<!here> Presentado <!channel|channel> el modelo 303\n<!everyone>\nUn saludo <!here>";

		String plain = Mrkdwn.toPlainText(slack);

		assertThat(plain).isEqualTo("Presentado el modelo 303\n\nUn saludo");
	}

	@Test
	void keepsTheSpacingStaffWroteAroundWhatItKeeps() {
		assertThat(Mrkdwn.toPlainText("Total:  100 €  <https://kompanion.es>"))
			.isEqualTo("Total:  100 €  https://kompanion.es");
	}

	@Test
	void unescapesOnlyOnce() {
		assertThat(Mrkdwn.toPlainText("&amp;lt; es literal")).isEqualTo("&lt; es literal");
	}

}
