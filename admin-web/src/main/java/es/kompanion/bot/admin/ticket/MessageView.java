package es.kompanion.bot.admin.ticket;

import java.time.LocalDateTime;

import es.kompanion.bot.ticket.AuthorType;

/**
 * One message of a ticket's conversation as staff read it on its page.
 *
 * @param kind who wrote it, which also styles it
 * @param author the person, or what the bot recorded
 * @param text the message, or the event in words
 * @param at when, in the firm's time zone
 */
record MessageView(AuthorType kind, String author, String text, LocalDateTime at) {

}
