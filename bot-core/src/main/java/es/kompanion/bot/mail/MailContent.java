package es.kompanion.bot.mail;

/**
 * A rendered email: its subject and the same text as plain text and as HTML.
 */
record MailContent(String subject, String text, String html) {

}
