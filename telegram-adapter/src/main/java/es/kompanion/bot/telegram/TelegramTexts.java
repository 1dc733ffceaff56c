package es.kompanion.bot.telegram;

import java.text.MessageFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The few core texts the adapter says itself, read as the core reads them: through
 * {@link MessageFormat}, in English for users whose Telegram speaks English and in
 * Spanish for everybody else.
 */
final class TelegramTexts {

	static final Locale SPANISH = Locale.forLanguageTag("es");

	private TelegramTexts() {
	}

	static Locale locale(@Nullable String languageCode) {
		boolean english = languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en");
		return english ? Locale.ENGLISH : SPANISH;
	}

	static String text(MessageSource messages, String key, Locale locale) {
		return new MessageFormat(messages.getMessage(key, null, locale), locale).format(new Object[0]);
	}

}
