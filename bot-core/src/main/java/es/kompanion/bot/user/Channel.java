package es.kompanion.bot.user;

/**
 * Where a conversation with a {@link Client} happens.
 */
public enum Channel {

	TELEGRAM, SLACK, WEB

}
