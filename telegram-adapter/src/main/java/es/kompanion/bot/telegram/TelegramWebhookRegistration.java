package es.kompanion.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.stereotype.Component;

import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;

/**
 * Tells Telegram, at start-up, where to post updates and which secret to send with them.
 * The webhook stays in place when the application stops, as other instances may still
 * serve it.
 */
@Component
@ConditionalOnTelegram(TelegramProperties.Mode.WEBHOOK)
class TelegramWebhookRegistration extends TelegramStartup {

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistration.class);

	private final TelegramProperties properties;

	private final TelegramClient telegram;

	TelegramWebhookRegistration(TelegramProperties properties, TelegramClient telegram, TelegramCommands commands) {
		super("Telegram webhook registration", commands);
		this.properties = properties;
		this.telegram = telegram;
	}

	@Override
	protected void connect() throws TelegramApiException {
		this.telegram.execute(SetWebhook.builder()
			.url(this.properties.webhookUrl())
			.secretToken(this.properties.webhookSecret())
			.allowedUpdates(TelegramUpdateHandler.ALLOWED_UPDATES)
			.build());
		log.info("Telegram webhook registered");
	}

}
