package es.kompanion.bot.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Who did something to a ticket, for the record: a client id, a staff reference such as
 * {@code slack:U024BE7LH} or {@code staff:42}, or the system.
 *
 * @param type the kind of actor
 * @param ref an identifier that is meaningful to staff; never a name or an email
 */
public record Actor(AuthorType type, String ref) {

	private static final String STAFF_MEMBER = "staff:";

	private static final String SLACK_USER = "slack:";

	public static Actor client(Long clientId) {
		return new Actor(AuthorType.CLIENT, "client:" + clientId);
	}

	public static Actor staff(String ref) {
		return new Actor(AuthorType.STAFF, ref);
	}

	/**
	 * A staff member signed in to the admin web, by their staff id.
	 */
	public static Actor staffMember(Long staffId) {
		return staff(STAFF_MEMBER + staffId);
	}

	public static Actor system() {
		return new Actor(AuthorType.SYSTEM, "system");
	}

	public boolean isClient() {
		return this.type == AuthorType.CLIENT;
	}

	/**
	 * Whether the actor is a Slack user, who did it in the staff channel.
	 */
	public boolean isSlackUser() {
		return this.ref.startsWith(SLACK_USER);
	}

	/**
	 * The staff id of a staff member who acted in the admin web.
	 * @return {@code null} for any other actor
	 */
	public @Nullable Long staffMemberId() {
		if (!this.ref.startsWith(STAFF_MEMBER)) {
			return null;
		}
		try {
			return Long.valueOf(this.ref.substring(STAFF_MEMBER.length()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
