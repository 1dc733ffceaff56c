/**
 * Tickets: numbering, status rules, messages, and the events that tell everybody else.
 */
@NullMarked
package es.kompanion.bot.ticket;

import org.jspecify.annotations.NullMarked;
