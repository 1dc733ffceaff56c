package es.kompanion.bot.conversation;

/**
 * Where a client is in a dialog with the bot. The {@code CHECK_}/{@code AFTER_} states
 * are choice points the machine passes through, never rests in.
 */
public enum ConversationState {

	IDLE, CHOOSING_DEPARTMENT, WRITING_DESCRIPTION, CONFIRMING_TICKET, WRITING_REPLY, CHOOSING_TICKET_FOR_TEXT,
	WRITING_SURVEY_COMMENT, SEARCHING, OFFERING_EXISTING,

	CHECK_DESCRIPTION, AFTER_DEPARTMENT, AFTER_RATING, AFTER_OFFER_ACCEPTED, AFTER_OFFER_DECLINED

}
