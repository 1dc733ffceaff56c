/**
 * One satisfaction survey per closed ticket.
 */
@NullMarked
package es.kompanion.bot.survey;

import org.jspecify.annotations.NullMarked;
