package es.kompanion.bot.slack.ticket;

import java.util.Locale;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses file bytes may travel to or from. The bot token goes only to Slack's
 * file host, {@code https://files.slack.com}, or to the origin of the configured Web API
 * (a stand-in, in tests); a file address anywhere else never gets it, whatever Slack's
 * answer says. Client files go only to Slack's own hosts or that same origin.
 */
final class SlackFileHosts {

	private static final HttpUrl FILES = HttpUrl.get("https://files.slack.com/");

	private static final String SLACK_DOMAIN = "slack.com";

	private final @Nullable HttpUrl api;

	SlackFileHosts(String apiUrl) {
		this.api = HttpUrl.parse(apiUrl);
	}

	/**
	 * Whether the address may be sent the bot token.
	 */
	boolean mayReceiveToken(@Nullable HttpUrl url) {
		return url != null && (sameOrigin(url, FILES) || sameOrigin(url, this.api));
	}

	/**
	 * Whether a client's file may be uploaded to the address: on HTTPS to Slack's domain,
	 * or to the origin of the configured Web API.
	 */
	boolean mayReceiveUpload(@Nullable HttpUrl url) {
		if (url == null) {
			return false;
		}
		String host = url.host().toLowerCase(Locale.ROOT);
		boolean slack = host.equals(SLACK_DOMAIN) || host.endsWith("." + SLACK_DOMAIN);
		return (url.isHttps() && url.port() == 443 && slack) || sameOrigin(url, this.api);
	}

	private static boolean sameOrigin(HttpUrl url, @Nullable HttpUrl origin) {
		return origin != null && url.scheme().equals(origin.scheme()) && url.host().equals(origin.host())
				&& url.port() == origin.port();
	}

}
