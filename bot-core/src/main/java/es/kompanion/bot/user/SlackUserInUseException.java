package es.kompanion.bot.user;

/**
 * Another staff member is already registered with the Slack user id.
 */
public class SlackUserInUseException extends RuntimeException {

	public SlackUserInUseException() {
		super("Slack user already registered for another staff member");
	}

}
