/**
 * The public survey page that a closed ticket's email links to: clients rate the service
 * there without signing in, the single-use link being their credential.
 */
@NullMarked
package es.kompanion.bot.admin.survey;

import org.jspecify.annotations.NullMarked;
