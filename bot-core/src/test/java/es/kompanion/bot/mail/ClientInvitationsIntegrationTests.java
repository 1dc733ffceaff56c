package es.kompanion.bot.mail;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff email a client their invitation: the email carries a Telegram deep link whose
 * token links the client's chat account.
 */
@MailIntegrationTest
class ClientInvitationsIntegrationTests {

	private static final Pattern DEEP_LINK = Pattern
		.compile("https://t\\.me/KompanionTestBot\\?start=([A-Za-z0-9_-]+)");

	@Autowired
	private ClientInvitations invitations;

	@Autowired
	private Clients clients;

	@Test
	void emailsADeepLinkThatLinksTheClientsTelegramAccount() throws Exception {
		Client client = client("es");

		InvitationMailOutcome outcome = this.invitations.send(client.getId());

		assertThat(outcome).isEqualTo(InvitationMailOutcome.QUEUED);
		assertThat(this.invitations.lastSent(client.getId())).isPresent();
		MimeMessage mail = SmtpServer.awaitMail(client.getEmail(), 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Tu acceso a Kompanion en Telegram");
		assertThat(SmtpServer.text(mail)).contains("Hola, Luis Test:", "vale 7 días");
		String token = token(SmtpServer.text(mail));
		assertThat(SmtpServer.html(mail)).contains("href=\"https://t.me/KompanionTestBot?start=" + token + "\"");
		ChatAccount account = new ChatAccount(Channel.TELEGRAM, "tg-" + UUID.randomUUID(), "chat", "Luis");
		LinkOutcome linked = this.clients.redeemInvitation(token, account);
		assertThat(linked.result()).isEqualTo(LinkOutcome.Result.LINKED);
		assertThat(this.clients.findLinked(Channel.TELEGRAM, account.externalUserId()))
			.hasValueSatisfying((found) -> assertThat(found.clientId()).isEqualTo(client.getId()));
	}

	@Test
	void writesTheInvitationInEnglishForAnEnglishClient() throws Exception {
		Client client = client("en");

		this.invitations.send(client.getId());

		MimeMessage mail = SmtpServer.awaitMail(client.getEmail(), 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Your access to Kompanion on Telegram");
		assertThat(SmtpServer.text(mail)).contains("Hi Luis Test,", "valid for 7 days");
	}

	@Test
	void invitesNoInactiveClientNorOneWithoutARealAddress() {
		Client inactive = client("es");
		this.clients.deactivate(inactive.getId());
		Client test = this.clients.register("prueba+" + UUID.randomUUID() + "@kompanion.invalid", "Prueba", null, "es");

		assertThat(this.invitations.send(inactive.getId())).isEqualTo(InvitationMailOutcome.INACTIVE);
		assertThat(this.invitations.send(test.getId())).isEqualTo(InvitationMailOutcome.NO_EMAIL);
		assertThat(this.invitations.lastSent(inactive.getId())).isEmpty();
	}

	private Client client(String language) {
		return this.clients.register("luis-" + UUID.randomUUID() + "@example.com", "Luis Test", null, language);
	}

	private static String token(String text) {
		Matcher matcher = DEEP_LINK.matcher(text);
		assertThat(matcher.find()).as("deep link in %s", text).isTrue();
		return matcher.group(1);
	}

}
