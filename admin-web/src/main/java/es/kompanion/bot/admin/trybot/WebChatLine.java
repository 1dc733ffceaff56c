package es.kompanion.bot.admin.trybot;

import es.kompanion.bot.conversation.Reply;

/**
 * One line of a web chat as it is stored: a reply of the bot, or what the staff member
 * sent, kept as a reply of plain text so that both sides read back alike.
 *
 * @param from {@link #BOT} or {@link #ME}
 */
record WebChatLine(String from, Reply reply) {

	static final String BOT = "bot";

	static final String ME = "me";

}
