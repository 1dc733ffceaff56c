package es.kompanion.bot.telegram;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.stereotype.Component;

import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;

/**
 * Asks Telegram for updates, when no webhook is configured, and hands them one at a time,
 * in order, to the {@link TelegramUpdateHandler}. Updates taken but not yet confirmed
 * when the application stops come again on the next start; the engine skips those it has
 * seen.
 */
@Component
@ConditionalOnTelegram(TelegramProperties.Mode.LONG_POLLING)
class TelegramLongPolling extends TelegramStartup {

	private static final Logger log = LoggerFactory.getLogger(TelegramLongPolling.class);

	private final String token;

	private final TelegramUrl url;

	private final TelegramClient telegram;

	private final TelegramUpdateHandler handler;

	private @Nullable TelegramBotsLongPollingApplication application;

	TelegramLongPolling(TelegramProperties properties, TelegramClient telegram, TelegramUpdateHandler handler,
			TelegramCommands commands) {
		super("Telegram long polling", commands);
		this.token = properties.token();
		this.url = properties.telegramUrl();
		this.telegram = telegram;
		this.handler = handler;
	}

	@Override
	protected void connect() throws TelegramApiException {
		this.telegram.execute(new DeleteWebhook());

		TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication();
		try {
			polling.registerBot(this.token, () -> this.url,
					new DefaultGetUpdatesGenerator(TelegramUpdateHandler.ALLOWED_UPDATES), this::consume);
		}
		catch (TelegramApiException | RuntimeException ex) {
			close(polling);
			throw ex;
		}
		this.application = polling;
		log.info("Telegram long polling started");
	}

	@Override
	protected void disconnect() {
		if (this.application != null) {
			close(this.application);
			this.application = null;
			log.info("Telegram long polling stopped");
		}
	}

	private void consume(List<Update> updates) {
		updates.forEach(this.handler::handle);
	}

	private static void close(TelegramBotsLongPollingApplication polling) {
		try {
			polling.close();
		}
		catch (Exception ex) {
			log.warn("Telegram long polling did not close cleanly ({})", ex.getClass().getSimpleName());
		}
	}

}
