/**
 * The channel-neutral conversation engine: a state machine per chat, persisted in the
 * database.
 */
@NullMarked
package es.kompanion.bot.conversation;

import org.jspecify.annotations.NullMarked;
