package es.kompanion.bot.survey;

/**
 * What became of a rating a client gave.
 */
public enum RatingOutcome {

	/** Stored: the ticket's survey is this rating. */
	RECORDED,
	/** The ticket was rated before; the earlier answer stands. */
	ALREADY_RATED,
	/** The ticket is not closed, so it cannot be rated yet. */
	NOT_CLOSED,
	/** Not a rating from 1 to 5. */
	INVALID

}
