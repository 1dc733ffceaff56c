package es.kompanion.bot.mail;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Settings of client email, under {@code kompanion.mail}. The SMTP server itself is
 * Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} email is off.
 *
 * @param from the sender of every email, such as {@code Kompanion <no-reply@example.com>}
 * @param publicUrl where clients reach this application, for the survey links
 * @param telegramBotUsername the bot's Telegram username, for invitation deep links
 * @param staffReplies when a staff answer is also sent by email
 * @param awayAfter with {@link StaffReplies#WHEN_AWAY}, a client whose last chat activity
 * is older than this gets the answer by email too
 * @param surveyLinkValidity how long the survey link of a closed ticket can be used
 */
@ConfigurationProperties("kompanion.mail")
public record MailProperties(@DefaultValue("Kompanion <no-reply@kompanion.local>") String from,
		@DefaultValue("http://localhost:8080") String publicUrl, @Nullable String telegramBotUsername,
		@DefaultValue("when-away") StaffReplies staffReplies, @DefaultValue("PT15M") Duration awayAfter,
		@DefaultValue("P30D") Duration surveyLinkValidity) {

	/**
	 * The public URL without a trailing slash.
	 */
	String baseUrl() {
		String url = this.publicUrl.strip();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * The bot's username without the {@code @}, or {@code null} when it is not set.
	 */
	@Nullable String botUsername() {
		if (!StringUtils.hasText(this.telegramBotUsername)) {
			return null;
		}
		String username = this.telegramBotUsername.strip();
		return username.startsWith("@") ? username.substring(1) : username;
	}

	/**
	 * When a staff answer, which always reaches the client's chat, is also emailed.
	 */
	public enum StaffReplies {

		/** Every answer. */
		ALWAYS,
		/** Only when the client has not been active in any chat for a while. */
		WHEN_AWAY

	}

}
