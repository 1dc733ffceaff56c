package es.kompanion.bot.telegram;

/**
 * The outbox payload asking for one client file to be fetched from Telegram into the file
 * store.
 *
 * @param attachmentId the ticket attachment the file belongs to
 */
record TelegramFileFetch(Long attachmentId) {

	static final String TOPIC = "TELEGRAM_FILE";

	/**
	 * The files of one ticket are fetched one at a time, in the order they were sent, so
	 * staff see them in that order.
	 */
	static String streamKey(Long ticketId) {
		return TOPIC + ":" + ticketId;
	}

}
