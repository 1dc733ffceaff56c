package es.kompanion.bot.admin.trybot;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.ticket.TicketFilter;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientRepository;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Try the bot through the real filter chain, the real conversation engine and the real
 * outbox on MariaDB: the staff member's test client, both sides of the chat, and a ticket
 * opened in the chat and answered from its page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TryBotIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffRepository staffRepository;

	@Autowired
	private ClientRepository clientRepository;

	@Autowired
	private Clients clients;

	@Autowired
	private Tickets tickets;

	private final JsonMapper json = JsonMapper.builder().build();

	private Staff staff;

	private long taken;

	@BeforeEach
	void createStaff() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		this.staff = this.staffRepository.save(new Staff("Luis Prieto " + unique, "luis-" + unique + "@kompanion.test",
				StaffRole.STAFF, EnumSet.noneOf(Department.class)));
	}

	@Test
	void givesTheStaffMemberATestClientGreetedWithTheMenu() throws Exception {
		String page = this.mvc.perform(get("/try").with(asStaff()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Client client = this.clientRepository.findByEmail("prueba+staff" + this.staff.getId() + "@kompanion.invalid")
			.orElseThrow();
		assertThat(client.getFullName()).isEqualTo("Prueba · " + this.staff.getFullName());
		assertThat(client.getCompany()).isEqualTo("Kompanion (pruebas)");
		assertThat(client.getLanguage()).isEqualTo("es");
		assertThat(this.clients.findLinked(Channel.WEB, "staff-" + this.staff.getId())).isPresent();
		assertThat(page).contains("data-csrf=\"", "data-csrf-header=\"X-CSRF-TOKEN\"", "/admin/try.js",
				"Las consultas que abras aquí son reales");
		JsonNode greeting = next(TryBotIntegrationTests::fromBot);
		assertThat(text(greeting)).contains("¿En qué te ayudamos?");
		assertThat(greeting.get("choices").get(0).get(0).get("label").asString()).isEqualTo("📝 Nueva consulta");
	}

	@Test
	void keepsOneTestClientPerStaffMember() throws Exception {
		this.mvc.perform(get("/try").with(asStaff())).andExpect(status().isOk());
		this.mvc.perform(get("/try").with(asStaff())).andExpect(status().isOk());

		long linked = this.clients
			.identitiesOf(this.clients.findLinked(Channel.WEB, "staff-" + this.staff.getId()).orElseThrow().clientId())
			.size();
		assertThat(linked).isEqualTo(1);
	}

	@Test
	void showsBothSidesOfTheChat() throws Exception {
		this.mvc.perform(get("/try").with(asStaff())).andExpect(status().isOk());
		next(TryBotIntegrationTests::fromBot);

		send("{\"text\":\"/cancelar\"}").andExpect(status().isNoContent());

		JsonNode mine = next(TryBotIntegrationTests::fromMe);
		JsonNode answer = next(TryBotIntegrationTests::fromBot);
		assertThat(text(mine)).isEqualTo("/cancelar");
		assertThat(text(answer)).contains("lo dejamos aquí");
	}

	@Test
	void opensARealTicketInTheChatAndGetsTheAnswerFromTheTicketPage() throws Exception {
		this.mvc.perform(get("/try").with(asStaff())).andExpect(status().isOk());
		press(next(TryBotIntegrationTests::fromBot), "Nueva consulta");
		press(nextFromBot("Laboral"), "Laboral");
		nextFromBot("Cuéntanos qué necesitas");
		send("{\"text\":\"Necesito dar de alta a una trabajadora el lunes <b>urgente</b>\"}")
			.andExpect(status().isNoContent());
		press(nextFromBot("Enviar consulta"), "Enviar consulta");
		nextFromBot("creada");

		Long clientId = this.clients.findLinked(Channel.WEB, "staff-" + this.staff.getId()).orElseThrow().clientId();
		Client client = this.clientRepository.findById(clientId).orElseThrow();
		List<TicketSummary> opened = this.tickets
			.search(new TicketFilter(TicketStatus.OPEN, Department.LABOUR, client.getEmail(), null),
					PageRequest.of(0, 25))
			.getContent();
		assertThat(opened).singleElement()
			.satisfies((ticket) -> assertThat(ticket.originChannel()).isEqualTo(Channel.WEB));
		TicketSummary ticket = opened.get(0);

		this.mvc
			.perform(post("/tickets/" + ticket.id() + "/reply").param("text", "Hecho, ya está dada de alta.")
				.with(asStaff())
				.with(csrf()))
			.andExpect(status().isFound());

		JsonNode reply = nextFromBot("ya está dada de alta");
		assertThat(text(reply)).contains("Respuesta del equipo", ticket.label());
	}

	@Test
	void takesAPlainFormToo() throws Exception {
		this.mvc.perform(get("/try").with(asStaff())).andExpect(status().isOk());
		next(TryBotIntegrationTests::fromBot);

		this.mvc
			.perform(post("/try/send").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("text", "/menu")
				.with(asStaff())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/try"));

		assertThat(text(next(TryBotIntegrationTests::fromMe))).isEqualTo("/menu");
		assertThat(text(next(TryBotIntegrationTests::fromBot))).contains("¿En qué te ayudamos?");
	}

	@Test
	void refusesToSendWithoutACsrfToken() throws Exception {
		this.mvc
			.perform(post("/try/send").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"hola\"}")
				.with(asStaff()))
			.andExpect(status().isForbidden());
	}

	@Test
	void answersAnEmptyMessageWithAProblem() throws Exception {
		send("{\"text\":\"   \"}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		send("{\"text\":\"" + "x".repeat(4001) + "\"}").andExpect(status().isBadRequest());
	}

	@Test
	void showsEachStaffMemberOnlyTheirOwnChat() throws Exception {
		Staff other = this.staffRepository.save(new Staff("Otra Persona", UUID.randomUUID() + "@kompanion.test",
				StaffRole.STAFF, EnumSet.noneOf(Department.class)));
		this.mvc.perform(get("/try").with(asStaff())).andExpect(status().isOk());
		next((line) -> true);

		String theirs = this.mvc.perform(get("/try/messages").with(user(other.getEmail()).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(theirs).isEqualTo("[]");
	}

	private ResultActions send(String body) throws Exception {
		return this.mvc.perform(post("/try/send").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(asStaff())
			.with(csrf().asHeader()));
	}

	private void press(JsonNode line, String labelPart) throws Exception {
		for (JsonNode row : line.get("choices")) {
			for (JsonNode choice : row) {
				if (choice.get("label").asString().contains(labelPart)) {
					String body = this.json.writeValueAsString(
							Map.of("choice", choice.get("action").asString(), "label", choice.get("label").asString()));
					send(body).andExpect(status().isNoContent());
					return;
				}
			}
		}
		throw new AssertionError("No button " + labelPart + " in " + line);
	}

	/**
	 * Waits for the first line after the last one taken that the test wants, and takes
	 * it.
	 */
	private JsonNode next(Predicate<JsonNode> wanted) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
			for (JsonNode line : lines(this.taken)) {
				if (wanted.test(line)) {
					found[0] = line;
					return true;
				}
			}
			return false;
		});
		this.taken = found[0].get("id").asLong();
		return found[0];
	}

	private JsonNode nextFromBot(String text) {
		return next((line) -> fromBot(line) && line.toString().contains(text));
	}

	private static boolean fromBot(JsonNode line) {
		return "bot".equals(line.get("from").asString());
	}

	private static boolean fromMe(JsonNode line) {
		return "me".equals(line.get("from").asString());
	}

	private JsonNode lines(long after) throws Exception {
		String body = this.mvc.perform(get("/try/messages").param("after", String.valueOf(after)).with(asStaff()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	private static String text(JsonNode line) {
		StringBuilder text = new StringBuilder();
		line.get("parts").forEach((part) -> text.append(part.get("text").asString()));
		return text.toString();
	}

	private RequestPostProcessor asStaff() {
		return user(this.staff.getEmail()).roles("STAFF");
	}

}
