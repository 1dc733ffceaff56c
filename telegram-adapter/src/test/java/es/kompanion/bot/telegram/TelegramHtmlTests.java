package es.kompanion.bot.telegram;

import java.util.List;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.conversation.RichText;
import es.kompanion.bot.conversation.RichText.Part;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramHtmlTests {

	@Test
	void escapesMarkupCharactersAndKeepsEveryOtherCharacterAsIs() {
		String typed = "Precio <b>10 €</b> & IVA _*[]()~`>#+-=|{}.! \"comillas\" "
				+ "👩‍💻 🇪🇸 مرحبا עברית a\u200Bb\u200Cc\u200Dd\u2060e \u202Eabc\u202C &amp;";

		List<String> html = TelegramHtml.render(RichText.plain(typed));

		assertThat(html).containsExactly("Precio &lt;b&gt;10 €&lt;/b&gt; &amp; IVA _*[]()~`&gt;#+-=|{}.! \"comillas\" "
				+ "👩‍💻 🇪🇸 مرحبا עברית a\u200Bb\u200Cc\u200Dd\u2060e \u202Eabc\u202C &amp;amp;");
	}

	@Test
	void wrapsStrongPartsInBoldTagsAndEscapesTheirText() {
		RichText text = new RichText(List.of(new Part("Tu consulta ", false), new Part("#1042 <Laboral>", true),
				new Part(" sigue abierta", false)));

		List<String> html = TelegramHtml.render(text);

		assertThat(html).containsExactly("Tu consulta <b>#1042 &lt;Laboral&gt;</b> sigue abierta");
	}

	@Test
	void splitsLongTextWithoutLosingAnythingOrBreakingSurrogatePairs() {
		String text = "a" + "😀".repeat(4499) + "b";

		List<RichText> pieces = TelegramHtml.split(RichText.plain(text), TelegramHtml.MAX_LENGTH);

		assertThat(text).hasSize(9000);
		assertThat(pieces).hasSize(3);
		assertThat(pieces).allSatisfy((piece) -> {
			String plain = piece.plainText();
			assertThat(plain.length()).isLessThanOrEqualTo(TelegramHtml.MAX_LENGTH);
			assertThat(Character.isLowSurrogate(plain.charAt(0))).isFalse();
			assertThat(Character.isHighSurrogate(plain.charAt(plain.length() - 1))).isFalse();
		});
		assertThat(pieces.stream().map(RichText::plainText).reduce("", String::concat)).isEqualTo(text);
	}

	@Test
	void splitsAtLineBreaksWhenThereAreAny() {
		String line = "Modelo 303 <IVA> & más: presenta antes del día 20 ✅\n";
		String text = line.repeat(9000 / line.length() + 1);

		List<RichText> pieces = TelegramHtml.split(RichText.plain(text), TelegramHtml.MAX_LENGTH);

		assertThat(pieces).hasSize(3);
		assertThat(pieces)
			.allSatisfy((piece) -> assertThat(piece.plainText()).hasSizeLessThanOrEqualTo(4096).endsWith("\n"));
		assertThat(pieces.stream().map(RichText::plainText).reduce("", String::concat)).isEqualTo(text);
	}

	@Test
	void splitsAtSpacesWhenThereAreNoLineBreaks() {
		String text = "palabra ".repeat(1200);

		List<RichText> pieces = TelegramHtml.split(RichText.plain(text), TelegramHtml.MAX_LENGTH);

		assertThat(pieces).hasSize(3);
		assertThat(pieces).allSatisfy((piece) -> assertThat(piece.plainText()).endsWith("palabra "));
		assertThat(pieces.stream().map(RichText::plainText).reduce("", String::concat)).isEqualTo(text);
	}

	@Test
	void closesAndReopensBoldAroundACut() {
		RichText text = new RichText(List.of(new Part("x".repeat(4000), false), new Part("<y>".repeat(100), true)));

		List<String> html = TelegramHtml.render(text);

		assertThat(html).hasSize(2);
		assertThat(html.get(0)).endsWith("<b>" + "&lt;y&gt;".repeat(32) + "</b>");
		assertThat(html.get(1)).isEqualTo("<b>" + "&lt;y&gt;".repeat(68) + "</b>");
	}

	@Test
	void keepsShortTextInOneMessage() {
		List<String> html = TelegramHtml.render(RichText.plain("Hola 👋"));

		assertThat(html).containsExactly("Hola 👋");
	}

}
