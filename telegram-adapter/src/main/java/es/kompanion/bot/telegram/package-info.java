/**
 * The Telegram channel: turns Telegram updates into core {@code Inbound}s and sends the
 * core's replies as Telegram messages, by long polling or by webhook.
 */
@NullMarked
package es.kompanion.bot.telegram;

import org.jspecify.annotations.NullMarked;
