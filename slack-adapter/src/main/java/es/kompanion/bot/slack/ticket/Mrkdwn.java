package es.kompanion.bot.slack.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message text format, both ways: escaping what others wrote before it goes into
 * a message, and turning what staff wrote back into plain text for the client.
 */
final class Mrkdwn {

	private static final Pattern CONTROL = Pattern.compile("<([^<>]*)>");

	private static final String ELLIPSIS = "…";

	private Mrkdwn() {
	}

	/**
	 * Escapes {@code &}, {@code <} and {@code >}, so that nothing written by a client can
	 * format, link or mention.
	 */
	static String escape(String text) {
		return escape(text, Integer.MAX_VALUE);
	}

	/**
	 * Escapes like {@link #escape(String)} and, if the result would be longer than
	 * {@code maxLength}, cuts it between two characters and ends it with an ellipsis.
	 */
	static String escape(String text, int maxLength) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		int length = 0;
		int fitting = -1;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			String piece = escape(codePoint);
			if (fitting < 0 && length + piece.length() > maxLength - ELLIPSIS.length()) {
				fitting = escaped.length();
			}
			escaped.append(piece);
			length += piece.length();
			if (length > maxLength) {
				escaped.setLength(fitting);
				return escaped.append(ELLIPSIS).toString();
			}
			i += Character.charCount(codePoint);
		}
		return escaped.toString();
	}

	private static String escape(int codePoint) {
		return switch (codePoint) {
			case '&' -> "&amp;";
			case '<' -> "&lt;";
			case '>' -> "&gt;";
			default -> Character.toString(codePoint);
		};
	}

	/**
	 * Turns a message as Slack delivers it into plain text: links become their label and
	 * address, mentions their name, and escaped characters themselves again.
	 */
	static String toPlainText(String text) {
		Matcher matcher = CONTROL.matcher(text);
		StringBuilder plain = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(plain, Matcher.quoteReplacement(readControl(matcher.group(1))));
		}
		matcher.appendTail(plain);
		return unescape(plain.toString());
	}

	private static String readControl(String control) {
		int bar = control.indexOf('|');
		String target = (bar < 0) ? control : control.substring(0, bar);
		String label = (bar < 0) ? "" : control.substring(bar + 1);
		if (target.startsWith("@") || target.startsWith("#")) {
			return label.isEmpty() ? target : target.charAt(0) + label;
		}
		if (target.startsWith("!")) {
			if (!label.isEmpty()) {
				return label;
			}
			int caret = target.indexOf('^');
			return "@" + ((caret < 0) ? target.substring(1) : target.substring(1, caret));
		}
		String address = target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
		if (label.isEmpty() || label.equals(address) || address.endsWith("//" + label)) {
			return address;
		}
		return label + " (" + address + ")";
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

}
