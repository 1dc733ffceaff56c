/**
 * The Slack staff channel: settings, the switch that turns the adapter on, and the hook
 * through which features answer Slack.
 */
@NullMarked
package es.kompanion.bot.slack;

import org.jspecify.annotations.NullMarked;
