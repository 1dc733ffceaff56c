package es.kompanion.bot.admin.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.audit.AuditEntry;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.ChatIdentity;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientDetails;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clients pages through the real filter chain on MariaDB, signed in as a staff member
 * (not an admin: staff manage clients too).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClientPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Clients clients;

	@Autowired
	private AuditLog audit;

	private final String actor = "staff-" + UUID.randomUUID() + "@kompanion.test";

	@Test
	void registersAClientAndAuditsIt() throws Exception {
		String email = uniqueEmail();

		MvcResult result = this.mvc
			.perform(post("/clients").with(staff())
				.with(csrf())
				.param("email", "  " + email.toUpperCase() + " ")
				.param("fullName", "Ana Pérez")
				.param("company", "Pérez Asesores SL")
				.param("language", "en")
				.param("documentsUrl", "https://drive.google.com/drive/folders/abc")
				.param("holdedUrl", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		Client client = this.clients.findByEmail(email).orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/clients/" + client.getId());
		assertThat(client.getFullName()).isEqualTo("Ana Pérez");
		assertThat(client.getCompany()).isEqualTo("Pérez Asesores SL");
		assertThat(client.getLanguage()).isEqualTo("en");
		assertThat(client.getDocumentsUrl()).isEqualTo("https://drive.google.com/drive/folders/abc");
		assertThat(client.getHoldedUrl()).isNull();
		assertThat(client.isActive()).isTrue();
		assertThat(entries()).extracting(AuditEntry::getAction, AuditEntry::getTarget)
			.containsExactly(tuple("client.created", "client:" + client.getId()));
	}

	@Test
	void showsAFieldErrorForAnEmailAnotherClientHas() throws Exception {
		String email = uniqueEmail();
		this.clients.register(new ClientDetails(email, "Ana Pérez", null, "es", null, null));

		String page = this.mvc
			.perform(post("/clients").with(staff())
				.with(csrf())
				.param("email", email.toUpperCase())
				.param("fullName", "Otra Ana")
				.param("language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("Ya hay otro cliente con este email.", "Otra Ana");
		assertThat(this.clients.findByEmail(email).orElseThrow().getFullName()).isEqualTo("Ana Pérez");
		assertThat(entries()).isEmpty();
	}

	@Test
	void refusesAnInvalidEmailAndLinksThatAreNotWebLinks() throws Exception {
		String page = this.mvc
			.perform(post("/clients").with(staff())
				.with(csrf())
				.param("email", "ana-at-example.com")
				.param("fullName", "")
				.param("language", "es")
				.param("documentsUrl", "javascript:alert(1)")
				.param("holdedUrl", "ftp://holded.example.com"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("Este email no parece válido", "Escribe el nombre del cliente.",
				"No se ha guardado: revisa los campos marcados.");
		assertThat(page.split("Tiene que ser un enlace que empiece por https://", -1)).hasSize(3);
		assertThat(this.clients.findByEmail("ana-at-example.com")).isEmpty();
	}

	@Test
	void editsAClientAndAuditsWhatChanged() throws Exception {
		Client client = newClient("Ana Pérez", "Pérez SL");
		String newEmail = uniqueEmail();

		this.mvc
			.perform(post("/clients/{id}", client.getId()).with(staff())
				.with(csrf())
				.param("email", newEmail)
				.param("fullName", "Ana Pérez García")
				.param("company", "Pérez SL")
				.param("language", "es")
				.param("documentsUrl", "")
				.param("holdedUrl", "https://app.holded.com/panel/42"))
			.andExpect(redirectedUrl("/clients/" + client.getId()));

		Client edited = this.clients.find(client.getId()).orElseThrow();
		assertThat(edited.getEmail()).isEqualTo(newEmail);
		assertThat(edited.getFullName()).isEqualTo("Ana Pérez García");
		assertThat(edited.getHoldedUrl()).isEqualTo("https://app.holded.com/panel/42");
		assertThat(entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.getAction()).isEqualTo("client.updated");
			assertThat(entry.getDetails()).isEqualTo("cambia: email, nombre, holded");
		});
	}

	@Test
	void keepsAClientsEmailWhenEditingItToAnotherClientsEmail() throws Exception {
		Client ana = newClient("Ana Pérez", null);
		Client luis = newClient("Luis Gómez", null);

		String page = this.mvc
			.perform(post("/clients/{id}", luis.getId()).with(staff())
				.with(csrf())
				.param("email", ana.getEmail())
				.param("fullName", "Luis Gómez")
				.param("language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("Ya hay otro cliente con este email.");
		assertThat(this.clients.find(luis.getId()).orElseThrow().getEmail()).isEqualTo(luis.getEmail());
	}

	@Test
	void deactivatesAndReactivatesAClient() throws Exception {
		Client client = newClient("Ana Pérez", null);
		ChatAccount account = new ChatAccount(Channel.TELEGRAM, "tg-" + UUID.randomUUID(), "chat-1", "Ana");
		this.clients.linkDirectly(client.getId(), account);

		this.mvc.perform(post("/clients/{id}/deactivate", client.getId()).with(staff()).with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()));

		assertThat(this.clients.find(client.getId()).orElseThrow().isActive()).isFalse();
		assertThat(this.clients.findLinked(Channel.TELEGRAM, account.externalUserId())).isEmpty();

		this.mvc.perform(post("/clients/{id}/reactivate", client.getId()).with(staff()).with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()));

		assertThat(this.clients.find(client.getId()).orElseThrow().isActive()).isTrue();
		assertThat(this.clients.findLinked(Channel.TELEGRAM, account.externalUserId())).isPresent();
		assertThat(entries()).extracting(AuditEntry::getAction)
			.containsExactly("client.reactivated", "client.deactivated");
	}

	@Test
	void showsLinkedChatAccountsAndUnlinksOne() throws Exception {
		Client client = newClient("Ana Pérez", null);
		ChatAccount account = new ChatAccount(Channel.TELEGRAM, "tg-" + UUID.randomUUID(), "chat-1", "Ana <Tg>");
		this.clients.linkDirectly(client.getId(), account);
		ChatIdentity identity = this.clients.identitiesOf(client.getId()).get(0);

		String page = page("/clients/" + client.getId());

		assertThat(page).contains("Telegram", "Ana &lt;Tg&gt;",
				"/clients/" + client.getId() + "/identities/" + identity.getId() + "/unlink");

		this.mvc
			.perform(post("/clients/{id}/identities/{identity}/unlink", client.getId(), identity.getId()).with(staff())
				.with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()));

		assertThat(this.clients.identitiesOf(client.getId())).isEmpty();
		assertThat(this.clients.findLinked(Channel.TELEGRAM, account.externalUserId())).isEmpty();
		assertThat(entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.getAction()).isEqualTo("client.identity-unlinked");
			assertThat(entry.getDetails()).isEqualTo("TELEGRAM, identidad " + identity.getId());
		});
	}

	@Test
	void doesNotUnlinkAnotherClientsChatAccount() throws Exception {
		Client ana = newClient("Ana Pérez", null);
		Client luis = newClient("Luis Gómez", null);
		this.clients.linkDirectly(luis.getId(),
				new ChatAccount(Channel.TELEGRAM, "tg-" + UUID.randomUUID(), "chat-2", "Luis"));
		ChatIdentity luisIdentity = this.clients.identitiesOf(luis.getId()).get(0);

		this.mvc
			.perform(post("/clients/{id}/identities/{identity}/unlink", ana.getId(), luisIdentity.getId()).with(staff())
				.with(csrf()))
			.andExpect(redirectedUrl("/clients/" + ana.getId()));

		assertThat(this.clients.identitiesOf(luis.getId())).hasSize(1);
		assertThat(entries()).isEmpty();
	}

	@Test
	void showsTheInvitationLinkOnceAndItLinksTheClient() throws Exception {
		Client client = newClient("Ana Pérez", null);

		MvcResult issued = this.mvc.perform(post("/clients/{id}/invitation", client.getId()).with(staff()).with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()))
			.andReturn();
		String link = (String) issued.getFlashMap().get("invitationLink");

		assertThat(link).startsWith("https://t.me/KompanionTestBot?start=");
		String shown = this.mvc
			.perform(get("/clients/{id}", client.getId()).with(staff()).flashAttrs(issued.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(shown).contains("value=\"" + link + "\"", "readonly", "data-copy-label=\"Copiar\"",
				"/admin/copy-field.js", "Solo se muestra ahora.");
		assertThat(page("/clients/" + client.getId())).doesNotContain("t.me/", "Solo se muestra ahora.");

		String token = link.substring(link.indexOf("start=") + "start=".length());
		LinkOutcome outcome = this.clients.redeemInvitation(token,
				new ChatAccount(Channel.TELEGRAM, "tg-" + UUID.randomUUID(), "chat-3", "Ana"));
		assertThat(outcome.result()).isEqualTo(LinkOutcome.Result.LINKED);
		assertThat(entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.getAction()).isEqualTo("client.invitation-issued");
			assertThat(entry.getTarget()).isEqualTo("client:" + client.getId());
			assertThat(entry.getDetails()).isNull();
		});
	}

	@Test
	void doesNotInviteADeactivatedClient() throws Exception {
		Client client = newClient("Ana Pérez", null);
		this.clients.deactivate(client.getId());

		MvcResult result = this.mvc.perform(post("/clients/{id}/invitation", client.getId()).with(staff()).with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()))
			.andReturn();

		assertThat((Map<String, Object>) result.getFlashMap()).containsEntry("problem", "clients.invitation.inactive")
			.doesNotContainKey("invitationLink");
		assertThat(entries()).isEmpty();
	}

	@Test
	void searchesByNameEmailOrCompanyAndFiltersByStatus() throws Exception {
		String marker = "Marca" + UUID.randomUUID().toString().substring(0, 8);
		newClient("Beatriz Activa", marker + " SL");
		newClient("Alberto Activo", marker + " SL");
		Client inactive = newClient("Carla Inactiva", marker + " SL");
		this.clients.deactivate(inactive.getId());

		String active = list(marker.toLowerCase(Locale.ROOT), "active", 0);
		String deactivated = list(marker, "inactive", 0);
		String all = list(marker.toUpperCase(Locale.ROOT), "all", 0);

		assertThat(active).contains("2 clientes").doesNotContain("Carla Inactiva");
		assertThat(active.indexOf("Alberto Activo")).isLessThan(active.indexOf("Beatriz Activa"));
		assertThat(deactivated).contains("1 cliente", "Carla Inactiva").doesNotContain("Alberto Activo");
		assertThat(all).contains("3 clientes", "Alberto Activo", "Beatriz Activa", "Carla Inactiva");
		assertThat(list(inactive.getEmail(), "all", 0)).contains("Carla Inactiva");
	}

	@Test
	void treatsPercentAndUnderscoreInASearchAsPlainText() throws Exception {
		String marker = "Pct" + UUID.randomUUID().toString().substring(0, 8);
		newClient("Diana", marker + " 100% SL");
		newClient("Elena", marker + " 1000 SL");

		String page = list(marker + " 100%", "active", 0);

		assertThat(page).contains("Diana").doesNotContain("Elena");
	}

	@Test
	void showsTwentyFiveClientsAPage() throws Exception {
		String marker = "Pag" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < ClientController.PAGE_SIZE + 1; i++) {
			newClient("Cliente %02d".formatted(i), marker);
		}

		String first = list(marker, "active", 0);
		String second = list(marker, "active", 1);

		assertThat(first).contains("26 clientes", "Página 1 de 2", "Cliente 00", "Cliente 24")
			.doesNotContain("Cliente 25");
		assertThat(second).contains("Página 2 de 2", "Cliente 25").doesNotContain("Cliente 24");
	}

	@Test
	void answersNotFoundForAnUnknownClient() throws Exception {
		this.mvc.perform(get("/clients/{id}", Long.MAX_VALUE).with(staff())).andExpect(status().isNotFound());
	}

	@Test
	void sendsVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/clients")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void refusesAChangeWithoutCsrfToken() throws Exception {
		Client client = newClient("Ana Pérez", null);

		this.mvc.perform(post("/clients/{id}/deactivate", client.getId()).with(staff()))
			.andExpect(redirectedUrl("/clients/" + client.getId() + "/deactivate?formExpired"));

		assertThat(this.clients.find(client.getId()).orElseThrow().isActive()).isTrue();
	}

	private String list(String search, String status, int page) throws Exception {
		return this.mvc
			.perform(get("/clients").with(staff())
				.param("q", search)
				.param("status", status)
				.param("page", String.valueOf(page)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Client newClient(String name, @Nullable String company) {
		return this.clients.register(new ClientDetails(uniqueEmail(), name, company, "es", null, null));
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(staff()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<AuditEntry> entries() {
		return this.audit.recent(this.actor, PageRequest.of(0, 50)).getContent();
	}

	private RequestPostProcessor staff() {
		return user(this.actor).roles("STAFF");
	}

	private static String uniqueEmail() {
		return "client-" + UUID.randomUUID() + "@example.com";
	}

}
