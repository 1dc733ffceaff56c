/**
 * Reliable delivery both ways: inbound deduplication and the outbox that sends to the
 * platforms.
 */
@NullMarked
package es.kompanion.bot.delivery;

import org.jspecify.annotations.NullMarked;
