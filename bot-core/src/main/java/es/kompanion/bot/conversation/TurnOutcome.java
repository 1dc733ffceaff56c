package es.kompanion.bot.conversation;

/**
 * How the engine took one inbound delivery.
 */
public enum TurnOutcome {

	/** Processed; the replies are on their way. */
	HANDLED,
	/** Seen before; nothing changed. */
	DUPLICATE

}
