@NullMarked
package es.kompanion.bot.admin.web;

import org.jspecify.annotations.NullMarked;
