package es.kompanion.bot.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Settings of the Slack staff channel, under {@code kompanion.slack}. The adapter is on
 * only when the bot token, the staff channel and a way to receive events (an app token
 * for Socket Mode, or a signing secret for HTTP events) are all set.
 *
 * @param botToken the bot user's token ({@code xoxb-…})
 * @param signingSecret verifies HTTP requests from Slack
 * @param appToken an app-level token ({@code xapp-…}); when set, events arrive over
 * Socket Mode instead of HTTP
 * @param staffChannel the id of the channel staff work in, such as {@code C0123456}
 * @param apiUrl the base address of the Slack Web API, ending with a slash
 * @param eventsPath where HTTP events and interactions are received
 */
@ConfigurationProperties("kompanion.slack")
public record SlackProperties(@DefaultValue("") String botToken, @DefaultValue("") String signingSecret,
		@DefaultValue("") String appToken, @DefaultValue("") String staffChannel,
		@DefaultValue("https://slack.com/api/") String apiUrl, @DefaultValue("/slack/events") String eventsPath) {

	public boolean isEnabled() {
		return StringUtils.hasText(this.botToken) && StringUtils.hasText(this.staffChannel)
				&& (StringUtils.hasText(this.appToken) || StringUtils.hasText(this.signingSecret));
	}

	public boolean usesSocketMode() {
		return StringUtils.hasText(this.appToken);
	}

	@Override
	public String toString() {
		return "SlackProperties[botToken=" + mask(this.botToken) + ", signingSecret=" + mask(this.signingSecret)
				+ ", appToken=" + mask(this.appToken) + ", staffChannel=" + this.staffChannel + ", apiUrl="
				+ this.apiUrl + ", eventsPath=" + this.eventsPath + "]";
	}

	private static String mask(String secret) {
		return StringUtils.hasText(secret) ? "******" : "";
	}

}
