package es.kompanion.bot.telegram;

import java.util.ArrayList;
import java.util.List;

import es.kompanion.bot.conversation.RichText;

/**
 * Writes core rich text as Telegram HTML, in as many messages as Telegram's length limit
 * asks for. Every character of the text is escaped, so nothing a client typed can become
 * markup; the only tags are the bold ones added here.
 */
final class TelegramHtml {

	/** The longest message text Telegram accepts, counted after markup is parsed. */
	static final int MAX_LENGTH = 4096;

	private TelegramHtml() {
	}

	/**
	 * The text as the HTML of one message, or of several when it is too long for one.
	 */
	static List<String> render(RichText text) {
		return split(text, MAX_LENGTH).stream().map(TelegramHtml::toHtml).toList();
	}

	/**
	 * Cuts the text into pieces of at most {@code limit} characters of plain text, at a
	 * line break if there is one in the second half of the piece, else at a space, else
	 * anywhere but inside a surrogate pair. Emphasis carries over the cut. Pieces that
	 * would hold only white space are left out, as Telegram refuses them.
	 */
	static List<RichText> split(RichText text, int limit) {
		String plain = text.plainText();
		if (plain.length() <= limit) {
			return List.of(text);
		}
		List<RichText> pieces = new ArrayList<>();
		int start = 0;
		while (start < plain.length()) {
			int end = (plain.length() - start <= limit) ? plain.length() : cut(plain, start, start + limit);
			RichText piece = slice(text, start, end);
			if (!piece.plainText().isBlank()) {
				pieces.add(piece);
			}
			start = end;
		}
		return pieces.isEmpty() ? List.of(text) : pieces;
	}

	static String toHtml(RichText text) {
		StringBuilder html = new StringBuilder();
		for (RichText.Part part : text.parts()) {
			if (part.text().isEmpty()) {
				continue;
			}
			if (part.strong()) {
				html.append("<b>").append(escape(part.text())).append("</b>");
			}
			else {
				html.append(escape(part.text()));
			}
		}
		return html.toString();
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static int cut(String text, int start, int max) {
		int floor = start + (max - start) / 2;
		int newline = text.lastIndexOf('\n', max - 1);
		if (newline >= floor) {
			return newline + 1;
		}
		int space = text.lastIndexOf(' ', max - 1);
		if (space >= floor) {
			return space + 1;
		}
		boolean insidePair = Character.isHighSurrogate(text.charAt(max - 1))
				&& Character.isLowSurrogate(text.charAt(max));
		return insidePair ? max - 1 : max;
	}

	private static RichText slice(RichText text, int start, int end) {
		List<RichText.Part> parts = new ArrayList<>();
		int offset = 0;
		for (RichText.Part part : text.parts()) {
			int from = Math.max(start, offset);
			int to = Math.min(end, offset + part.text().length());
			if (from < to) {
				parts.add(new RichText.Part(part.text().substring(from - offset, to - offset), part.strong()));
			}
			offset += part.text().length();
		}
		return new RichText(parts);
	}

}
