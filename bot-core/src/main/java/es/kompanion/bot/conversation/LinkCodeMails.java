package es.kompanion.bot.conversation;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import es.kompanion.bot.mail.Mailer;

/**
 * Mails a link code to the client, in the transaction that stored it: the mail leaves if
 * and only if the code is kept.
 */
@Component
class LinkCodeMails {

	private final Mailer mailer;

	LinkCodeMails(Mailer mailer) {
		this.mailer = mailer;
	}

	@EventListener
	void on(LinkCodeIssued issued) {
		this.mailer.send(issued.email(), "link-code", Mailer.locale(issued.language()),
				Map.of("code", issued.code(), "minutes", issued.validity().toMinutes()));
	}

}
