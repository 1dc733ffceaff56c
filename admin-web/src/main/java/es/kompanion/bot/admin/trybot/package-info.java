/**
 * Try the bot: a web chat in which a signed-in staff member talks to the real
 * conversation engine as a test client, on the {@code WEB} channel.
 */
@NullMarked
package es.kompanion.bot.admin.trybot;

import org.jspecify.annotations.NullMarked;
