package es.kompanion.bot.telegram;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The core's own texts, read as the application reads them.
 */
final class CoreMessages {

	private CoreMessages() {
	}

	static MessageSource source() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
