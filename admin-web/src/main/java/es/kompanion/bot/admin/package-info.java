/**
 * The admin web: staff manage clients, staff, resources and tickets, see satisfaction,
 * and try the bot in a web chat.
 */
@NullMarked
package es.kompanion.bot.admin;

import org.jspecify.annotations.NullMarked;
