/**
 * Admins keep the resources the bot hands out: links, FAQ entries and the fiscal
 * calendar, with a CSV import for a year's calendar.
 */
@NullMarked
package es.kompanion.bot.admin.resource;

import org.jspecify.annotations.NullMarked;
