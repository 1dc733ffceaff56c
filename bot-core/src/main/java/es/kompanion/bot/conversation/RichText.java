package es.kompanion.bot.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with emphasis, kept apart from any platform's markup so that each adapter can
 * escape user text its own way: nothing a client types can turn into formatting.
 */
public record RichText(List<Part> parts) {

	public RichText {
		parts = List.copyOf(parts);
	}

	public static RichText plain(String text) {
		return new RichText(List.of(new Part(text, false)));
	}

	/**
	 * The text without emphasis, as a person would read it aloud.
	 */
	public String plainText() {
		StringBuilder text = new StringBuilder();
		this.parts.forEach((part) -> text.append(part.text()));
		return text.toString();
	}

	public RichText append(RichText other) {
		List<Part> joined = new ArrayList<>(this.parts);
		joined.addAll(other.parts);
		return new RichText(joined);
	}

	/**
	 * A run of text, shown with emphasis (bold) when {@code strong}.
	 */
	public record Part(String text, boolean strong) {

	}

}
