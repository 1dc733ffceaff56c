/**
 * Email to clients: a durable queue on the outbox, the templates, the notifications about
 * their tickets and the invitations staff send from the admin web.
 */
@NullMarked
package es.kompanion.bot.mail;

import org.jspecify.annotations.NullMarked;
