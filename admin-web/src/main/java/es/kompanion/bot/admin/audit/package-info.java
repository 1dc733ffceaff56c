/**
 * The audit log: who changed what and when.
 */
@NullMarked
package es.kompanion.bot.admin.audit;

import org.jspecify.annotations.NullMarked;
