/**
 * Clients: list, search, create, edit, deactivate, unlink chat accounts, invitations and
 * the CSV import of the firm's client list.
 */
@NullMarked
package es.kompanion.bot.admin.client;

import org.jspecify.annotations.NullMarked;
