package es.kompanion.bot.user;

/**
 * Another client, or another staff member, already has the email. The message names the
 * kind of record, never the email.
 */
public class EmailInUseException extends RuntimeException {

	public EmailInUseException(String what) {
		super("Email already used by another " + what);
	}

}
