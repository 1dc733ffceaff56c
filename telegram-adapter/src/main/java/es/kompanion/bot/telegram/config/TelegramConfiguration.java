package es.kompanion.bot.telegram.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the Telegram settings, always, and says once at start-up whether the channel is
 * on; the Telegram client exists only while it is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

	TelegramConfiguration(TelegramProperties properties) {
		properties.validate();
		switch (properties.mode()) {
			case OFF -> log.info("Telegram channel off: TELEGRAM_BOT_TOKEN is not set");
			case LONG_POLLING -> log.info("Telegram channel on (long polling)");
			case WEBHOOK -> log.info("Telegram channel on (webhook)");
		}
	}

	@Bean
	@ConditionalOnTelegram
	TelegramClient telegramClient(TelegramProperties properties) {
		return new OkHttpTelegramClient(properties.token(), properties.telegramUrl());
	}

}
