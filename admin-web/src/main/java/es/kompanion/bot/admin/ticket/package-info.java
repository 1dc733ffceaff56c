/**
 * The ticket pages: the list of all tickets, one ticket's whole conversation, and staff
 * answering and moving tickets from the web.
 */
@NullMarked
package es.kompanion.bot.admin.ticket;

import org.jspecify.annotations.NullMarked;
