package es.kompanion.bot.admin.client;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import es.kompanion.bot.mail.ClientInvitations;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Without an SMTP host, the default, the invitation button says email is off and sends
 * nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InvitationEmailOffIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Clients clients;

	@Autowired
	private ClientInvitations invitations;

	@Test
	void saysEmailIsOff() throws Exception {
		Client client = this.clients.register("client-" + UUID.randomUUID() + "@example.com", "Ana", null, "es");

		MvcResult result = this.mvc
			.perform(post("/clients/{id}/invitation-email", client.getId())
				.with(user("staff-" + UUID.randomUUID() + "@kompanion.test").roles("STAFF"))
				.with(csrf()))
			.andExpect(redirectedUrl("/clients/" + client.getId()))
			.andReturn();

		assertThat(result.getFlashMap().get("problem")).isEqualTo("clients.invitation.email.off");
		assertThat(this.invitations.lastSent(client.getId())).isEmpty();
	}

	@Test
	void offersNoEmailButtonWhileEmailIsOff() throws Exception {
		Client client = this.clients.register("client-" + UUID.randomUUID() + "@example.com", "Ana", null, "es");

		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/clients/{id}", client.getId())
				.with(user("staff-" + UUID.randomUUID() + "@kompanion.test").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("El email no está configurado").doesNotContain("/invitation-email");
	}

}
