package es.kompanion.bot.slack.ticket;

/**
 * The outbox payload that fetches one file shared in Slack into the file store.
 *
 * @param attachmentId the file, whose source reference is its Slack file id
 * @param ticketId the ticket it is on
 */
record SlackFileFetch(Long attachmentId, Long ticketId) {

	static final String TOPIC = "SLACK_FILE";

	/**
	 * One ticket's files are fetched one at a time, in the order they were shared.
	 */
	static String streamKey(Long ticketId) {
		return "slack-file:" + ticketId;
	}

}
