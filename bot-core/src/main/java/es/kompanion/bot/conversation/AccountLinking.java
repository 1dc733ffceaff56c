package es.kompanion.bot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import es.kompanion.bot.mail.Mailer;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.ClientDetails;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkOutcome;
import es.kompanion.bot.user.LinkedClient;

/**
 * Talks to someone the firm does not know yet in this chat: an invitation link links them
 * at once; otherwise they type the email the firm has on file, get a code there, and type
 * it here. The answers are the same whether or not the email is a client's, so the chat
 * never tells who is a client.
 */
@Component
class AccountLinking {

	private static final Logger log = LoggerFactory.getLogger(AccountLinking.class);

	private static final Pattern CODE = Pattern.compile("\\d{6}");

	private final Clients clients;

	private final LinkCodes codes;

	private final Replies replies;

	private final ConversationRunner runner;

	private final ApplicationEventPublisher events;

	private final Mailer mailer;

	AccountLinking(Clients clients, LinkCodes codes, Replies replies, ConversationRunner runner,
			ApplicationEventPublisher events, Mailer mailer) {
		this.mailer = mailer;
		this.clients = clients;
		this.codes = codes;
		this.replies = replies;
		this.runner = runner;
		this.events = events;
	}

	List<Reply> greet(Inbound inbound, Conversation conversation) {
		Locale locale = Texts.locale(conversation.getLanguage());
		String text = (inbound.text() != null) ? inbound.text().strip() : "";
		String token = ConversationEngine.startToken(text);
		if (token != null) {
			return redeem(token, inbound.account(), conversation);
		}
		String compact = text.replace(" ", "");
		if (CODE.matcher(compact).matches() && this.codes.hasPending(inbound.account())) {
			return checkCode(compact, inbound.account(), conversation, locale);
		}
		if (!this.mailer.isEnabled()) {
			// Without email there are no codes: only invitations link.
			return List.of(this.replies.notice(locale, "welcome.stranger.no-mail"));
		}
		if (ClientDetails.isEmail(text)) {
			return requestCode(text, inbound.account(), locale);
		}
		return List.of(this.replies.notice(locale, "welcome.stranger"));
	}

	private List<Reply> redeem(String token, ChatAccount account, Conversation conversation) {
		LinkOutcome outcome = this.clients.redeemInvitation(token, account);
		if (outcome.client() == null) {
			return List.of(this.replies.notice(Texts.locale(conversation.getLanguage()), "link.invalid"));
		}
		return welcome(outcome.client(), conversation);
	}

	private List<Reply> requestCode(String email, ChatAccount account, Locale locale) {
		LinkCodes.Issued issued = this.codes.request(account, email);
		if (issued == LinkCodes.Issued.LIMITED_ACCOUNT || issued == LinkCodes.Issued.LIMITED_EMAIL) {
			log.debug("Link code refused: too many requests");
			String key = (issued == LinkCodes.Issued.LIMITED_ACCOUNT) ? "link.code.limited" : "link.code.limited.email";
			return List.of(this.replies.notice(locale, key));
		}
		if (issued.client() != null) {
			this.events.publishEvent(new LinkCodeIssued(issued.client().getEmail(), issued.code(),
					issued.client().getLanguage(), this.codes.settings().validity()));
		}
		return List.of(this.replies.notice(locale, "link.code.sent", email.strip(),
				String.valueOf(this.codes.settings().validity().toMinutes())));
	}

	private List<Reply> checkCode(String code, ChatAccount account, Conversation conversation, Locale locale) {
		LinkCodes.Check check = this.codes.check(account, code);
		return switch (check.result()) {
			case RIGHT -> welcome(this.clients.linkDirectly(nonNull(check.clientId()), account), conversation);
			case WRONG -> List.of(this.replies.notice(locale, "link.code.wrong", check.attemptsLeft()));
			case TOO_MANY -> List.of(this.replies.notice(locale, "link.code.too-many"));
			case EXPIRED -> List.of(this.replies.notice(locale, "link.code.expired"));
			case NONE -> List.of(this.replies.notice(locale, "welcome.stranger"));
		};
	}

	private List<Reply> welcome(LinkedClient client, Conversation conversation) {
		conversation.speak(client.language());
		this.runner.reset(conversation);
		Locale locale = Texts.locale(client.language());
		return List.of(this.replies.notice(locale, "welcome.linked", firstName(client.fullName())),
				this.replies.menu(locale, client));
	}

	private static Long nonNull(@Nullable Long id) {
		if (id == null) {
			throw new IllegalStateException("A right code without a client");
		}
		return id;
	}

	private static String firstName(String fullName) {
		return fullName.strip().split("\\s+")[0];
	}

}
