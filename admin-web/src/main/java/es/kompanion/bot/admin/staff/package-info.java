/**
 * Staff: who answers tickets, with which Slack user, role and departments.
 */
@NullMarked
package es.kompanion.bot.admin.staff;

import org.jspecify.annotations.NullMarked;
