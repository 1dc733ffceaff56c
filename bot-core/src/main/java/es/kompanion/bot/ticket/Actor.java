package es.kompanion.bot.ticket;

/**
 * Who did something to a ticket, for the record: a client id, a staff reference such as
 * {@code slack:U024BE7LH}, or the system.
 *
 * @param type the kind of actor
 * @param ref an identifier that is meaningful to staff; never a name or an email
 */
public record Actor(AuthorType type, String ref) {

	public static Actor client(Long clientId) {
		return new Actor(AuthorType.CLIENT, "client:" + clientId);
	}

	public static Actor staff(String ref) {
		return new Actor(AuthorType.STAFF, ref);
	}

	public static Actor system() {
		return new Actor(AuthorType.SYSTEM, "system");
	}

	public boolean isClient() {
		return this.type == AuthorType.CLIENT;
	}

}
