package es.kompanion.bot.survey;

/**
 * What became of an answer given through a survey link.
 */
public enum SurveyLinkOutcome {

	/** Stored, with the comment if there was one; the link is used up. */
	RECORDED,
	/**
	 * The ticket was rated before, in the chat or through another link; the earlier
	 * answer stands.
	 */
	ALREADY_RATED,
	/**
	 * Unknown, used or expired link, or a ticket that is open again: the same answer for
	 * all.
	 */
	UNAVAILABLE,
	/** Not a rating from 1 to 5; the link can still be used. */
	INVALID

}
