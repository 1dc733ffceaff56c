/**
 * Who changed what and when: one entry for every admin action.
 */
@NullMarked
package es.kompanion.bot.audit;

import org.jspecify.annotations.NullMarked;
