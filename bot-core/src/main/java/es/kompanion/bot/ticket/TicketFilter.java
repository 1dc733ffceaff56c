package es.kompanion.bot.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.Department;

/**
 * What staff look for in the list of all tickets. Every part is optional; the parts that
 * are given must all match.
 *
 * @param status only tickets in this status
 * @param department only tickets of this department
 * @param client text in the client's name, email or company
 * @param text text in the description, or a ticket number: {@code #1042} finds that
 * ticket alone, a bare {@code 1042} finds it as well as the descriptions that mention
 * 1042
 */
public record TicketFilter(@Nullable TicketStatus status, @Nullable Department department, @Nullable String client,
		@Nullable String text) {

	private static final Pattern NUMBER = Pattern.compile("(#\\s*)?(\\d{1,18})");

	public TicketFilter {
		client = blankToNull(client);
		text = blankToNull(text);
	}

	public static TicketFilter all() {
		return new TicketFilter(null, null, null, null);
	}

	/**
	 * The ticket number the text asks for, if it is one.
	 */
	public @Nullable Long number() {
		Matcher number = numberMatcher();
		return (number != null) ? Long.valueOf(number.group(2)) : null;
	}

	/**
	 * Whether the text asks for a ticket by its number alone, as in {@code #1042}.
	 */
	public boolean numberOnly() {
		Matcher number = numberMatcher();
		return number != null && number.group(1) != null;
	}

	private @Nullable Matcher numberMatcher() {
		if (this.text == null) {
			return null;
		}
		Matcher matcher = NUMBER.matcher(this.text);
		return matcher.matches() ? matcher : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.strip();
	}

}
