package es.kompanion.bot.survey;

/**
 * What the survey page shows for a usable link.
 *
 * @param ticketId the closed ticket the survey is about
 * @param number the ticket's number
 * @param language the client's language, {@code es} or {@code en}
 * @param alreadyRated whether the client rated the ticket already, in the chat or through
 * another link
 */
public record SurveyLinkDetails(Long ticketId, long number, String language, boolean alreadyRated) {

	/**
	 * The number as people see it, such as {@code #1042}.
	 */
	public String label() {
		return "#" + this.number;
	}

}
