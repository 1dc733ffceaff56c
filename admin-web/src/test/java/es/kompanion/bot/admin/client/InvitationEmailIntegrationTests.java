package es.kompanion.bot.admin.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.audit.AuditEntry;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.mail.ClientInvitations;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.timeout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Staff email a client their invitation from the client's page: the button, the audit
 * entry, the refusals, and the email itself, caught at the mail sender, whose deep link
 * links the client's Telegram account.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "kompanion.mail.telegram-bot-username=KompanionTestBot",
		"kompanion.core.outbox.poll-interval=100ms" })
@AutoConfigureMockMvc
class InvitationEmailIntegrationTests {

	private static final Pattern DEEP_LINK = Pattern
		.compile("https://t\\.me/KompanionTestBot\\?start=([A-Za-z0-9_-]+)");

	@MockitoBean
	private JavaMailSender sender;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Clients clients;

	@Autowired
	private ClientInvitations invitations;

	@Autowired
	private AuditLog audit;

	private final String actor = "staff-" + UUID.randomUUID() + "@kompanion.test";

	@BeforeEach
	void realMessages() {
		given(this.sender.createMimeMessage()).willAnswer((invocation) -> new MimeMessage((Session) null));
	}

	@Test
	void emailsTheInvitationAuditsItAndItsLinkLinksTheAccount() throws Exception {
		Client client = newClient("en");

		MvcResult result = this.mvc
			.perform(post("/clients/{id}/invitation-email", client.getId()).with(staff()).with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()))
			.andReturn();

		assertThat(flash(result)).containsEntry("notice", "clients.invitation.email.queued");
		assertThat(entries()).extracting(AuditEntry::getAction, AuditEntry::getTarget)
			.containsExactly(tuple("client.invitation-emailed", "client:" + client.getId()));
		MimeMessage mail = sentTo(client.getEmail());
		mail.saveChanges();
		assertThat(mail.getSubject()).isEqualTo("Your access to Kompanion on Telegram");
		String token = token(text(mail));
		ChatAccount account = new ChatAccount(Channel.TELEGRAM, "tg-" + UUID.randomUUID(), "chat", "Ana");
		assertThat(this.clients.redeemInvitation(token, account).result()).isEqualTo(LinkOutcome.Result.LINKED);
	}

	@Test
	void offersToResendOnceAnInvitationWasEmailed() throws Exception {
		Client client = newClient("es");
		assertThat(page(client)).contains("Enviar invitación por email", client.getEmail())
			.doesNotContain("Reenviar invitación por email");

		this.mvc.perform(post("/clients/{id}/invitation-email", client.getId()).with(staff()).with(csrf()));

		assertThat(page(client)).contains("Reenviar invitación por email", "Última invitación por email:");
	}

	@Test
	void refusesADeactivatedClientWithAClearError() throws Exception {
		Client client = newClient("es");
		this.clients.deactivate(client.getId());

		MvcResult result = this.mvc
			.perform(post("/clients/{id}/invitation-email", client.getId()).with(staff()).with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()))
			.andReturn();

		assertThat(flash(result)).containsEntry("problem", "clients.invitation.inactive");
		assertThat(entries()).isEmpty();
		assertThat(this.invitations.lastSent(client.getId())).isEmpty();
	}

	@Test
	void refusesAClientWhoseAddressCannotReceiveEmail() throws Exception {
		Client client = this.clients.register("prueba+" + UUID.randomUUID() + "@kompanion.invalid", "Prueba", null,
				"es");

		MvcResult result = this.mvc
			.perform(post("/clients/{id}/invitation-email", client.getId()).with(staff()).with(csrf()))
			.andReturn();

		assertThat(flash(result)).containsEntry("problem", "clients.invitation.email.none");
		String shown = this.mvc.perform(get("/clients/{id}", client.getId()).with(staff()).flashAttrs(flash(result)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(shown).contains("Este cliente no tiene un email que pueda recibir correo.");
		assertThat(entries()).isEmpty();
	}

	@Test
	void sendsNothingWithoutACsrfToken() throws Exception {
		Client client = newClient("es");

		this.mvc.perform(post("/clients/{id}/invitation-email", client.getId()).with(staff()))
			.andExpect(redirectedUrl("/clients/" + client.getId() + "/invitation-email?formExpired"));

		assertThat(entries()).isEmpty();
		assertThat(this.invitations.lastSent(client.getId())).isEmpty();
	}

	private MimeMessage sentTo(String address) throws Exception {
		ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
		then(this.sender).should(timeout(10_000).atLeastOnce()).send(sent.capture());
		for (MimeMessage message : sent.getAllValues()) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
				return message;
			}
		}
		throw new AssertionError("No email to the client");
	}

	private static String text(Part part) throws Exception {
		if (part.getContent() instanceof String text) {
			return part.isMimeType("text/plain") ? text : "";
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return "";
	}

	private static String token(String text) {
		Matcher matcher = DEEP_LINK.matcher(text);
		assertThat(matcher.find()).as("deep link in the email").isTrue();
		return matcher.group(1);
	}

	private String page(Client client) throws Exception {
		return this.mvc.perform(get("/clients/{id}", client.getId()).with(staff()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> flash(MvcResult result) {
		return (Map<String, Object>) (Map<?, ?>) result.getFlashMap();
	}

	private Client newClient(String language) {
		return this.clients.register("client-" + UUID.randomUUID() + "@example.com", "Ana Pérez", null, language);
	}

	private List<AuditEntry> entries() {
		return this.audit.recent(this.actor, PageRequest.of(0, 50)).getContent();
	}

	private RequestPostProcessor staff() {
		return user(this.actor).roles("STAFF");
	}

}
