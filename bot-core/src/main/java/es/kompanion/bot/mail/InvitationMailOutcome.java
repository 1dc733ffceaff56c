package es.kompanion.bot.mail;

/**
 * What became of a request to email a client their invitation.
 */
public enum InvitationMailOutcome {

	/** An invitation was issued and its email queued. */
	QUEUED,
	/** The client is deactivated; nothing was issued. */
	INACTIVE,
	/** The client has no address that can receive email; nothing was issued. */
	NO_EMAIL,
	/** Email is not configured; nothing was issued. */
	MAIL_OFF,
	/** The bot's Telegram username is not configured, so there is no link to send. */
	NO_BOT_USERNAME

}
