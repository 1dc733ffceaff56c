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
				+ "o escribe a <mailto:hola@kompanion.es|hola@kompanion.es>. Cc <@U024BE7LH> en <#C0123|soporte> "
				+ "<!here> &amp; gracias";

		String plain = Mrkdwn.toPlainText(slack);

		assertThat(plain).isEqualTo("Hola <Ana>, mira la guía (https://kompanion.es/guia) y https://kompanion.es "
				+ "o escribe a hola@kompanion.es. Cc @U024BE7LH en #soporte @here & gracias");
	}

	@Test
	void unescapesOnlyOnce() {
		assertThat(Mrkdwn.toPlainText("&amp;lt; es literal")).isEqualTo("&lt; es literal");
	}

}
