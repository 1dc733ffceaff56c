/**
 * Clients, their chat identities on each channel and the invitations that link them; and
 * the staff who answer their tickets.
 */
@NullMarked
package es.kompanion.bot.user;

import org.jspecify.annotations.NullMarked;
