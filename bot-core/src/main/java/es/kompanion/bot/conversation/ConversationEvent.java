package es.kompanion.bot.conversation;

/**
 * What a client's input means to the conversation machine.
 */
public enum ConversationEvent {

	MENU, CANCEL, NEW_TICKET, MY_TICKETS, DEPARTMENT, TEXT, CONFIRM, CHANGE_DEPARTMENT, CHANGE_TEXT, REPLY_TO,
	ADD_TO_TICKET, NEW_TICKET_FROM_TEXT, RATE, SKIP, FILES, RESOURCES, FAQ, FAQ_DEPARTMENT, FAQ_ENTRY, CALENDAR, HELP,
	UNKNOWN

}
