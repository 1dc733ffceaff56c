@NullMarked
package es.kompanion.bot.admin.security;

import org.jspecify.annotations.NullMarked;
