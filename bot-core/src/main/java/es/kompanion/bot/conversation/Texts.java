package es.kompanion.bot.conversation;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import es.kompanion.bot.user.Department;
import es.kompanion.bot.ticket.TicketStatus;

/**
 * Every sentence the bot says, from {@code messages_es.properties} and
 * {@code messages_en.properties}. Text between {@code **} in a message is shown strong;
 * the split happens before the arguments go in, so a client's own asterisks stay plain
 * text. Every message goes through {@link MessageFormat}: write an apostrophe twice, and
 * pass numbers as strings.
 */
@Component
class Texts {

	static final Locale SPANISH = Locale.forLanguageTag("es");

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	static Locale locale(String language) {
		return language.startsWith("en") ? Locale.ENGLISH : SPANISH;
	}

	RichText rich(Locale locale, String key, Object... args) {
		String pattern = this.messages.getMessage(key, null, locale);
		List<RichText.Part> parts = new ArrayList<>();
		String[] runs = pattern.split("\\*\\*", -1);
		for (int i = 0; i < runs.length; i++) {
			if (!runs[i].isEmpty()) {
				String run = new MessageFormat(runs[i], locale).format(args);
				parts.add(new RichText.Part(run, i % 2 == 1));
			}
		}
		return new RichText(parts);
	}

	String plain(Locale locale, String key, Object... args) {
		return rich(locale, key, args).plainText();
	}

	String department(Locale locale, Department department) {
		return plain(locale, "department." + department.name());
	}

	String status(Locale locale, TicketStatus status) {
		return plain(locale, "status." + status.name());
	}

}
