/**
 * Where the bytes of files live, and which files are taken at all.
 */
@NullMarked
package es.kompanion.bot.file;

import org.jspecify.annotations.NullMarked;
