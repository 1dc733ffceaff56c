package es.kompanion.bot.admin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the admin web, under {@code kompanion.admin}.
 *
 * @param email the first admin's email, used only while there is no admin yet
 * @param password the first admin's password; when empty a one-time password is generated
 * and written once to the log
 * @param maxFailedLogins failed sign-ins allowed per account or address before a lock-out
 * @param lockout how long a lock-out lasts
 * @param telegramBotUsername the bot's Telegram username, to build invitation deep links
 */
@ConfigurationProperties("kompanion.admin")
public record AdminProperties(@DefaultValue("admin@kompanion.local") String email, @Nullable String password,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
		@Nullable String telegramBotUsername) {

	@Override
	public String toString() {
		return "AdminProperties[email=" + this.email + ", maxFailedLogins=" + this.maxFailedLogins + ", lockout="
				+ this.lockout + "]";
	}

}
