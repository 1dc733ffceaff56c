package es.kompanion.bot.telegram.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.telegram.telegrambots.meta.TelegramUrl;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Telegram channel, under {@code kompanion.telegram}. The channel is off
 * while the token is blank.
 *
 * @param token the bot token from BotFather
 * @param apiUrl the Bot API base address, {@code scheme://host[:port]}
 * @param webhookUrl the public HTTPS address Telegram posts updates to; blank for long
 * polling
 * @param webhookSecret the secret Telegram sends back in every webhook call
 * @param webhookPath the local path the webhook listens on
 */
@ConfigurationProperties(TelegramProperties.PREFIX)
public record TelegramProperties(@DefaultValue("") String token,
		@DefaultValue("https://api.telegram.org") String apiUrl, @DefaultValue("") String webhookUrl,
		@DefaultValue("") String webhookSecret, @DefaultValue("/telegram/webhook") String webhookPath) {

	static final String PREFIX = "kompanion.telegram";

	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

	public Mode mode() {
		if (this.token.isBlank()) {
			return Mode.OFF;
		}
		return this.webhookUrl.isBlank() ? Mode.LONG_POLLING : Mode.WEBHOOK;
	}

	/**
	 * The Bot API address in the form the Telegram client takes.
	 * @throws IllegalStateException if {@link #apiUrl()} is not
	 * {@code scheme://host[:port]}
	 */
	public TelegramUrl telegramUrl() {
		URI uri = parseApiUrl();
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
		return new TelegramUrl(scheme, uri.getHost(), port, false);
	}

	private URI parseApiUrl() {
		String invalid = PREFIX + ".api-url must look like https://host[:port]";
		URI uri;
		try {
			uri = new URI(this.apiUrl.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(invalid, ex);
		}
		boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
		boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath());
		if (!web || uri.getHost() == null || !bare || uri.getRawQuery() != null) {
			throw new IllegalStateException(invalid);
		}
		return uri;
	}

	/**
	 * Checks what webhook mode needs that binding cannot: a secret Telegram accepts.
	 * @throws IllegalStateException naming the setting to fix
	 */
	void validate() {
		if (mode() == Mode.OFF) {
			return;
		}
		telegramUrl();
		if (mode() == Mode.WEBHOOK && !SECRET.matcher(this.webhookSecret).matches()) {
			throw new IllegalStateException("Telegram webhook mode needs " + PREFIX
					+ ".webhook-secret (TELEGRAM_WEBHOOK_SECRET): 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
		}
	}

	/**
	 * The bot's own id, the part of the token before the colon. Telegram's update ids are
	 * only unique per bot, so they are stored together with it.
	 */
	public String botId() {
		int colon = this.token.indexOf(':');
		return (colon > 0) ? this.token.substring(0, colon) : "bot";
	}

	@Override
	public String toString() {
		return "TelegramProperties[mode=" + mode() + ", apiUrl=" + this.apiUrl + ", webhookUrl=" + this.webhookUrl
				+ ", webhookPath=" + this.webhookPath + "]";
	}

	/**
	 * How the channel receives updates.
	 */
	public enum Mode {

		/** No token: the channel is off. */
		OFF,
		/** The bot asks Telegram for updates; nothing needs to be public. */
		LONG_POLLING,
		/** Telegram posts updates to {@link TelegramProperties#webhookUrl()}. */
		WEBHOOK

	}

}
