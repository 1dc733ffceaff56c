package es.kompanion.bot.admin.survey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import es.kompanion.bot.survey.SurveyLinks;
import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clients' survey page, without signing in, through the real filter chain: the form
 * in the client's language, one answer per link with CSRF, and the same friendly page for
 * a used, unknown or expired link.
 */
@SpringBootTest(properties = "spring.messages.basename=messages,i18n/admin,i18n/admin-clients,i18n/admin-resources,"
		+ "i18n/admin-tickets,mail/messages")
@AutoConfigureMockMvc
class SurveyPageIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private SurveyLinks links;

	@Autowired
	private Surveys surveys;

	@Autowired
	private Clients clients;

	@Autowired
	private Tickets tickets;

	@Test
	void theThanksPageOpenedDirectlyThanksNobody() throws Exception {
		String page = body(this.mvc.perform(get("/survey/thanks")).andReturn());

		assertThat(page).contains("Este enlace ya no sirve").doesNotContain("Hemos guardado");
	}

	@Test
	void showsTheFormInTheClientsLanguageWithoutSigningIn() throws Exception {
		TicketSummary ticket = closedTicket("en");
		String token = this.links.issue(ticket.id(), Duration.ofDays(30));

		MvcResult result = this.mvc.perform(get("/survey/{token}", token).cookie(spanishAdminCookie()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andReturn();

		String page = body(result);
		assertThat(page)
			.contains("lang=\"en\"", "Rate your ticket " + ticket.label(), "name=\"rating\"", "value=\"5\"",
					"name=\"_csrf\"", "Comment (optional)")
			.doesNotContain("<script", "style=\"");
		assertThat(result.getResponse().getHeaders("Set-Cookie"))
			.noneMatch((cookie) -> cookie.contains("kompanion-lang"));
	}

	@Test
	void speaksSpanishToASpanishClient() throws Exception {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), Duration.ofDays(30));

		assertThat(body(this.mvc.perform(get("/survey/{token}", token)).andReturn())).contains("lang=\"es\"",
				"Valora tu consulta " + ticket.label(), "Enviar valoración");
	}

	@Test
	void storesOneAnswerAndShowsTheUnavailablePageAfterwards() throws Exception {
		TicketSummary ticket = closedTicket("en");
		String token = this.links.issue(ticket.id(), Duration.ofDays(30));

		MvcResult answered = this.mvc.perform(answer(token, "4").param("comment", "Clear and quick").with(csrf()))
			.andExpect(redirectedUrl("/survey/thanks"))
			.andReturn();

		assertThat(body(this.mvc.perform(get("/survey/thanks").flashAttrs(answered.getFlashMap())).andReturn()))
			.contains("lang=\"en\"", "Thanks for your feedback!");
		assertThat(this.surveys.find(ticket.id())).hasValueSatisfying((survey) -> {
			assertThat(survey.getRating()).isEqualTo(4);
			assertThat(survey.getComment()).isEqualTo("Clear and quick");
		});
		String again = body(this.mvc.perform(answer(token, "1").with(csrf())).andExpect(status().isOk()).andReturn());
		assertThat(again).contains("Este enlace ya no sirve", "This link no longer works");
		assertThat(body(this.mvc.perform(get("/survey/{token}", token)).andReturn()))
			.contains("Este enlace ya no sirve", "This link no longer works");
		assertThat(this.surveys.find(ticket.id()).orElseThrow().getRating()).isEqualTo(4);
	}

	@Test
	void refusesAnAnswerWithoutACsrfToken() throws Exception {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), Duration.ofDays(30));

		this.mvc.perform(answer(token, "5")).andExpect(redirectedUrl("/survey/" + token + "?formExpired"));

		assertThat(this.surveys.find(ticket.id())).isEmpty();
		assertThat(body(this.mvc.perform(get("/survey/{token}", token).param("formExpired", "")).andReturn()))
			.contains("El formulario ha caducado");
	}

	@Test
	void asksAgainForAMissingRatingAndKeepsTheComment() throws Exception {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), Duration.ofDays(30));

		String page = body(this.mvc.perform(answer(token, "9").param("comment", "Muy <b>amables</b>").with(csrf()))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page).contains("Elige una valoración de 1 a 5.", "Muy &lt;b&gt;amables&lt;/b&gt;");
		assertThat(this.surveys.find(ticket.id())).isEmpty();
		assertThat(this.links.find(token)).isPresent();
	}

	@Test
	void saysSoWhenTheClientAlreadyRatedInTheChat() throws Exception {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), Duration.ofDays(30));
		this.surveys.rate(ticket.id(), ticket.clientId(), 3);

		assertThat(body(this.mvc.perform(get("/survey/{token}", token)).andReturn()))
			.contains("Ya habías valorado esta consulta")
			.doesNotContain("name=\"rating\"");
		assertThat(body(this.mvc.perform(answer(token, "5").with(csrf())).andReturn()))
			.contains("Ya habías valorado esta consulta");
		assertThat(this.surveys.find(ticket.id()).orElseThrow().getRating()).isEqualTo(3);
	}

	@Test
	void showsTheSamePageForAnUnknownOrExpiredLink() throws Exception {
		TicketSummary ticket = closedTicket("en");
		String expired = this.links.issue(ticket.id(), Duration.ZERO);

		String unknown = body(
				this.mvc.perform(get("/survey/{token}", "no-such-token")).andExpect(status().isOk()).andReturn());
		String old = body(this.mvc.perform(get("/survey/{token}", expired)).andExpect(status().isOk()).andReturn());

		assertThat(unknown).contains("Este enlace ya no sirve", "This link no longer works").isEqualTo(old);
	}

	private static MockHttpServletRequestBuilder answer(String token, String rating) {
		return post("/survey/{token}", token).param("rating", rating);
	}

	private static Cookie spanishAdminCookie() {
		return new Cookie("kompanion-lang", "es");
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private TicketSummary closedTicket(String language) {
		Client client = this.clients.register("survey-" + UUID.randomUUID() + "@example.com", "Eva", null, language);
		TicketSummary ticket = this.tickets.open(client.getId(), Department.LABOUR, "Una consulta sobre nóminas",
				Channel.TELEGRAM);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U0TEST"));
		return ticket;
	}

}
