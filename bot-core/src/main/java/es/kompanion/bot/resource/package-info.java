/**
 * What the bot hands out besides tickets: links such as Kompanion Academy, FAQ entries
 * per department and language, and the fiscal calendar. Staff edit them in the admin web.
 */
@NullMarked
package es.kompanion.bot.resource;

import org.jspecify.annotations.NullMarked;
