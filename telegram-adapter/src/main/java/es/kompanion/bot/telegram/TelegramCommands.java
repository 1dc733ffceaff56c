package es.kompanion.bot.telegram;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import es.kompanion.bot.telegram.config.ConditionalOnTelegram;

/**
 * Fills the command menu Telegram shows next to the message box: in Spanish and English
 * for users whose app speaks them, and in Spanish for everybody else. A menu that cannot
 * be set leaves the old one in place; the bot works without it.
 */
@Component
@ConditionalOnTelegram
class TelegramCommands {

	/** The commands, in menu order, as named in the {@code command.*} message keys. */
	static final List<String> COMMANDS = List.of("start", "new", "tickets", "search", "status", "resources", "calendar",
			"language", "help", "cancel", "unlink");

	private static final Logger log = LoggerFactory.getLogger(TelegramCommands.class);

	private final TelegramClient telegram;

	private final MessageSource messages;

	TelegramCommands(TelegramClient telegram, MessageSource messages) {
		this.telegram = telegram;
		this.messages = messages;
	}

	/**
	 * Sets the three menus. Never throws: a failure is logged and the others are still
	 * tried.
	 */
	void publish() {
		publish(TelegramTexts.SPANISH, "es");
		publish(Locale.ENGLISH, "en");
		publish(TelegramTexts.SPANISH, null);
	}

	private void publish(Locale locale, @Nullable String languageCode) {
		String menu = (languageCode != null) ? languageCode : "default";
		try {
			this.telegram.execute(SetMyCommands.builder()
				.commands(commands(locale))
				.scope(new BotCommandScopeDefault())
				.languageCode(languageCode)
				.build());
			log.debug("Telegram command menu ({}) set", menu);
		}
		catch (TelegramApiException | RuntimeException ex) {
			log.warn("Telegram command menu ({}) not set ({})", menu, TelegramErrors.describe(ex));
		}
	}

	List<BotCommand> commands(Locale locale) {
		return COMMANDS.stream()
			.map((command) -> new BotCommand(text("command." + command + ".name", locale),
					text("command." + command, locale)))
			.toList();
	}

	private String text(String key, Locale locale) {
		return TelegramTexts.text(this.messages, key, locale);
	}

}
