/**
 * The Telegram channel: turns Telegram updates into core {@code Inbound}s and sends the
 * core's replies as Telegram messages, by long polling or by webhook. Files travel both
 * ways through the outbox: clients' files are fetched into the file store, and files for
 * clients are uploaded from it.
 */
@NullMarked
package es.kompanion.bot.telegram;

import org.jspecify.annotations.NullMarked;
