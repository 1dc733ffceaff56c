/**
 * Wires Bolt for Java: the app, HTTP events or a Socket Mode connection.
 */
@NullMarked
package es.kompanion.bot.slack.config;

import org.jspecify.annotations.NullMarked;
