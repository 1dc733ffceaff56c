/**
 * The satisfaction page for staff: ratings, their spread over departments and months,
 * response and resolution times, drawn as charts, and the surveys as CSV.
 */
@NullMarked
package es.kompanion.bot.admin.satisfaction;

import org.jspecify.annotations.NullMarked;
