package es.kompanion.bot.ticket;

/**
 * Which way a file travels.
 */
public enum AttachmentDirection {

	/** From the client's chat to the staff thread. */
	FROM_CLIENT,

	/** From the staff thread to the client's chat. */
	FROM_STAFF

}
