package es.kompanion.bot.slack.ticket;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message text format, both ways: escaping what others wrote before it goes into
 * a message, and turning what staff wrote back into plain text for the client.
 */
final class Mrkdwn {

	private static final Pattern CONTROL = Pattern.compile("<([^<>]*)>");

	private static final String ELLIPSIS = "…";

	private static final Set<String> BROADCASTS = Set.of("here", "channel", "everyone");

	/** What needs no space before it. */
	private static final String CLOSING = "\n,.;:!?)";

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
	 * address, channels their name, and escaped characters themselves again. Mentions of
	 * people and broadcasts ({@code @here}, {@code @channel}, {@code @everyone}) mean
	 * nothing outside Slack: a person's mention becomes the name it carries, if any, and
	 * a broadcast goes, and so does the space either one leaves doubled.
	 */
	static String toPlainText(String text) {
		return toPlainText(text, (userId) -> "");
	}

	/**
	 * As {@link #toPlainText(String)}, naming people mentioned without a label (as Slack
	 * sends mentions today) through the given lookup, which answers empty for nobody.
	 */
	static String toPlainText(String text, java.util.function.Function<String, String> people) {
		Matcher matcher = CONTROL.matcher(text);
		StringBuilder plain = new StringBuilder(text.length());
		int next = 0;
		while (matcher.find()) {
			plain.append(text, next, matcher.start());
			next = matcher.end();
			String shown = readControl(matcher.group(1), people);
			if (shown.isEmpty()) {
				next = closeGap(plain, text, next);
			}
			plain.append(shown);
		}
		plain.append(text, next, text.length());
		return unescape(plain.toString());
	}

	private static String readControl(String control, java.util.function.Function<String, String> people) {
		int bar = control.indexOf('|');
		String target = (bar < 0) ? control : control.substring(0, bar);
		String label = (bar < 0) ? "" : control.substring(bar + 1);
		if (target.startsWith("@")) {
			return label.isEmpty() ? people.apply(target.substring(1)) : label;
		}
		if (target.startsWith("#")) {
			return label.isEmpty() ? target : "#" + label;
		}
		if (target.startsWith("!")) {
			int caret = target.indexOf('^');
			String command = (caret < 0) ? target.substring(1) : target.substring(1, caret);
			if (BROADCASTS.contains(command)) {
				return "";
			}
			return label.isEmpty() ? "@" + command : label;
		}
		String address = target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
		if (label.isEmpty() || label.equals(address) || address.endsWith("//" + label)) {
			return address;
		}
		return label + " (" + address + ")";
	}

	/**
	 * Closes the gap a control that shows nothing leaves: of the spaces around it, one
	 * stays between two words, and none at the start or end of a line or before a
	 * punctuation mark.
	 * @param next where the text goes on after the control
	 * @return where the text goes on once the gap is closed
	 */
	private static int closeGap(StringBuilder plain, String text, int next) {
		boolean lineStart = plain.isEmpty() || plain.charAt(plain.length() - 1) == '\n';
		boolean spaceBefore = !plain.isEmpty() && plain.charAt(plain.length() - 1) == ' ';
		boolean spaceAfter = next < text.length() && text.charAt(next) == ' ';
		if ((lineStart || spaceBefore) && spaceAfter) {
			return next + 1;
		}
		if (spaceBefore && (next == text.length() || CLOSING.indexOf(text.charAt(next)) >= 0)) {
			plain.setLength(plain.length() - 1);
		}
		return next;
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

}
