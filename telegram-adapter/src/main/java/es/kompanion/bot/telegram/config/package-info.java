/**
 * Settings of the Telegram channel and the beans that exist only while it is on.
 */
@NullMarked
package es.kompanion.bot.telegram.config;

import org.jspecify.annotations.NullMarked;
