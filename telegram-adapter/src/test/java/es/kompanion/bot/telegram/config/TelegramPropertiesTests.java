package es.kompanion.bot.telegram.config;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TelegramPropertiesTests {

	@Test
	void isOffWithoutToken() {
		TelegramProperties properties = properties(" ", "https://api.telegram.org", "", "");

		assertThat(properties.mode()).isEqualTo(TelegramProperties.Mode.OFF);
	}

	@Test
	void pollsWithTokenAndNoWebhookAddress() {
		TelegramProperties properties = properties("123456:TEST", "https://api.telegram.org", "", "");

		assertThat(properties.mode()).isEqualTo(TelegramProperties.Mode.LONG_POLLING);
	}

	@Test
	void usesWebhookWhenItsAddressIsSet() {
		TelegramProperties properties = properties("123456:TEST", "https://api.telegram.org",
				"https://bot.kompanion.es/telegram/webhook", "s3cret");

		assertThat(properties.mode()).isEqualTo(TelegramProperties.Mode.WEBHOOK);
	}

	@Test
	void readsSchemeHostAndPortOfTheApiAddress() {
		TelegramProperties properties = properties("123456:TEST", "http://127.0.0.1:8089", "", "");

		TelegramUrl url = properties.telegramUrl();

		assertThat(url.getSchema()).isEqualTo("http");
		assertThat(url.getHost()).isEqualTo("127.0.0.1");
		assertThat(url.getPort()).isEqualTo(8089);
		assertThat(url.isTestServer()).isFalse();
	}

	@Test
	void usesTheDefaultHttpsPort() {
		TelegramProperties properties = properties("123456:TEST", "https://api.telegram.org/", "", "");

		assertThat(properties.telegramUrl().getPort()).isEqualTo(443);
	}

	@Test
	void refusesApiAddressWithAPath() {
		TelegramProperties properties = properties("123456:TEST", "https://api.telegram.org/bot123", "", "");

		assertThatIllegalStateException().isThrownBy(properties::validate).withMessageContaining("api-url");
	}

	@Test
	void refusesWebhookSecretTelegramWouldNotAccept() {
		TelegramProperties properties = properties("123456:TEST", "https://api.telegram.org",
				"https://bot.kompanion.es/telegram/webhook", "no spaces allowed");

		assertThatIllegalStateException().isThrownBy(properties::validate).withMessageContaining("webhook-secret");
	}

	@Test
	void acceptsAnythingWhileOff() {
		TelegramProperties properties = properties("", "not a url", "https://bot.kompanion.es/telegram/webhook", "");

		properties.validate();

		assertThat(properties.mode()).isEqualTo(TelegramProperties.Mode.OFF);
	}

	@Test
	void keepsTokenAndSecretOutOfItsDescription() {
		TelegramProperties properties = properties("123456:TEST-token", "https://api.telegram.org",
				"https://bot.kompanion.es/telegram/webhook", "s3cret_Token-42");

		assertThat(properties.toString()).doesNotContain("123456:TEST-token").doesNotContain("s3cret_Token-42");
	}

	private static TelegramProperties properties(String token, String apiUrl, String webhookUrl, String secret) {
		return new TelegramProperties(token, apiUrl, webhookUrl, secret, "/telegram/webhook");
	}

}
