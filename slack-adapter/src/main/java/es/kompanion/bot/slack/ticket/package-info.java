/**
 * The staff desk: one message per ticket in the staff channel, its thread as the
 * conversation, and its buttons as status changes.
 */
@NullMarked
package es.kompanion.bot.slack.ticket;

import org.jspecify.annotations.NullMarked;
