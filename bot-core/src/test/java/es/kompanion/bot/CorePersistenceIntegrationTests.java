package es.kompanion.bot;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.delivery.InboundDeliveries;
import es.kompanion.bot.survey.RatingOutcome;
import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The core's persistence on the real MariaDB: migrations, text that must survive byte for
 * byte, numbering, and the once-only rules.
 */
@SpringBootTest
class CorePersistenceIntegrationTests {

	private static final String TRICKY_TEXT = "Factura 🧾✅ de \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"
			+ " con\u200bespacio\u200dcero y \u202eal revés\u202c · _*[]()~`<>& \"comillas\" 🇪🇸 👩‍👩‍👧";

	@Autowired
	private Clients clients;

	@Autowired
	private Tickets tickets;

	@Autowired
	private Surveys surveys;

	@Autowired
	private InboundDeliveries deliveries;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void storesEmojiRtlAndZeroWidthTextByteForByte() {
		Client client = newClient();

		TicketSummary opened = this.tickets.open(client.getId(), Department.OTHER, TRICKY_TEXT, Channel.TELEGRAM);

		assertThat(this.tickets.summary(opened.id()).description()).isEqualTo(TRICKY_TEXT);
		List<TicketMessage> messages = this.tickets.messagesOf(opened.id());
		assertThat(messages).singleElement().satisfies((m) -> assertThat(m.getBody()).isEqualTo(TRICKY_TEXT));
		String raw = this.jdbc.queryForObject("SELECT HEX(description) FROM ticket WHERE id = ?", String.class,
				opened.id());
		assertThat(raw).isEqualToIgnoringCase(
				java.util.HexFormat.of().formatHex(TRICKY_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void numbersTicketsSequentially() {
		Client client = newClient();

		long first = this.tickets
			.open(client.getId(), Department.LABOUR, "Primera consulta de nóminas", Channel.TELEGRAM)
			.number();
		long second = this.tickets
			.open(client.getId(), Department.LABOUR, "Segunda consulta de nóminas", Channel.TELEGRAM)
			.number();

		assertThat(first).isGreaterThanOrEqualTo(1001);
		assertThat(second).isEqualTo(first + 1);
	}

	@Test
	void recordsEveryStatusChangeWithWhoDidIt() {
		Client client = newClient();
		TicketSummary ticket = this.tickets.open(client.getId(), Department.OTHER, "Cambio de domicilio fiscal",
				Channel.TELEGRAM);

		this.tickets.changeStatus(ticket.id(), TicketStatus.PENDING_CLIENT, Actor.staff("slack:U1"));
		this.tickets.addClientMessage(ticket.id(), client.getId(), "Aquí tienes el dato");
		boolean closed = this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));
		boolean closedAgain = this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U2"));

		assertThat(closed).isTrue();
		assertThat(closedAgain).isFalse();
		assertThat(this.tickets.summary(ticket.id()).status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(this.tickets.messagesOf(ticket.id())).extracting(TicketMessage::getBody, TicketMessage::getAuthorRef)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Cambio de domicilio fiscal", "client:" + client.getId()),
					org.assertj.core.groups.Tuple.tuple("status OPEN -> PENDING_CLIENT", "slack:U1"),
					org.assertj.core.groups.Tuple.tuple("Aquí tienes el dato", "client:" + client.getId()),
					org.assertj.core.groups.Tuple.tuple("status PENDING_CLIENT -> OPEN", "client:" + client.getId()),
					org.assertj.core.groups.Tuple.tuple("status OPEN -> CLOSED", "slack:U1"));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.tickets.addClientMessage(ticket.id(), client.getId(), "¿Sigue ahí?"));
	}

	@Test
	void pagesAndCountsAClientsOwnTicketsByStatus() {
		Client client = newClient();
		Client other = newClient();
		for (int i = 0; i < 3; i++) {
			this.tickets.open(client.getId(), Department.OTHER, "Consulta abierta número " + i, Channel.TELEGRAM);
		}
		TicketSummary closed = this.tickets.open(client.getId(), Department.LABOUR, "Consulta ya resuelta",
				Channel.TELEGRAM);
		this.tickets.changeStatus(closed.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));
		this.tickets.open(other.getId(), Department.OTHER, "Consulta de otra persona", Channel.TELEGRAM);

		org.springframework.data.domain.Page<TicketSummary> open = this.tickets.pageOf(client.getId(),
				TicketStatus.OPEN, org.springframework.data.domain.PageRequest.of(0, 2));
		org.springframework.data.domain.Page<TicketSummary> all = this.tickets.pageOf(client.getId(), null,
				org.springframework.data.domain.PageRequest.of(1, 2));

		assertThat(open.getTotalElements()).isEqualTo(3);
		assertThat(open.getContent()).hasSize(2).allMatch((t) -> t.status() == TicketStatus.OPEN);
		assertThat(all.getTotalElements()).isEqualTo(4);
		assertThat(all.getContent()).hasSize(2).allMatch((t) -> t.clientId().equals(client.getId()));
		assertThat(this.tickets.countsOf(client.getId())).containsEntry(TicketStatus.OPEN, 3L)
			.containsEntry(TicketStatus.PENDING_CLIENT, 0L)
			.containsEntry(TicketStatus.CLOSED, 1L);
	}

	@Test
	void keepsOneSurveyPerTicket() {
		Client client = newClient();
		TicketSummary ticket = this.tickets.open(client.getId(), Department.OTHER, "Consulta para valorar luego",
				Channel.TELEGRAM);

		RatingOutcome early = this.surveys.rate(ticket.id(), client.getId(), 5);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));
		RatingOutcome first = this.surveys.rate(ticket.id(), client.getId(), 5);
		RatingOutcome second = this.surveys.rate(ticket.id(), client.getId(), 1);

		assertThat(early).isEqualTo(RatingOutcome.NOT_CLOSED);
		assertThat(first).isEqualTo(RatingOutcome.RECORDED);
		assertThat(second).isEqualTo(RatingOutcome.ALREADY_RATED);
		assertThat(this.jdbc.queryForList("SELECT rating FROM survey WHERE ticket_id = ?", Integer.class, ticket.id()))
			.containsExactly(5);
	}

	@Test
	void redeemsAnInvitationOnce() {
		Client client = newClient();
		String token = this.clients.issueInvitation(client.getId());
		ChatAccount first = new ChatAccount(Channel.TELEGRAM, uniqueId(), "100", "Ana");
		ChatAccount second = new ChatAccount(Channel.TELEGRAM, uniqueId(), "101", "Eva");

		LinkOutcome linked = this.clients.redeemInvitation(token, first);
		LinkOutcome again = this.clients.redeemInvitation(token, second);
		LinkOutcome unknown = this.clients.redeemInvitation("not-a-token", second);

		assertThat(token).hasSizeLessThanOrEqualTo(64).matches("[A-Za-z0-9_-]+");
		assertThat(linked.result()).isEqualTo(LinkOutcome.Result.LINKED);
		assertThat(again.result()).isEqualTo(LinkOutcome.Result.INVALID);
		assertThat(unknown.result()).isEqualTo(LinkOutcome.Result.INVALID);
		assertThat(this.clients.findLinked(Channel.TELEGRAM, first.externalUserId())).isPresent();
		assertThat(this.clients.findLinked(Channel.TELEGRAM, second.externalUserId())).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT token_hash FROM invitation WHERE client_id = ?", String.class,
				client.getId()))
			.singleElement()
			.isNotEqualTo(token);
	}

	@Test
	void claimsADeliveryOnlyOnce() {
		String id = uniqueId();

		Boolean first = this.transactions.execute((tx) -> this.deliveries.claim("TELEGRAM", id));
		Boolean second = this.transactions.execute((tx) -> this.deliveries.claim("TELEGRAM", id));
		Boolean otherSource = this.transactions.execute((tx) -> this.deliveries.claim("SLACK", id));

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(otherSource).isTrue();
	}

	@Test
	void usesUtf8mb4Tables() {
		List<Map<String, Object>> tables = this.jdbc.queryForList("SELECT table_name, table_collation "
				+ "FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'");

		assertThat(tables).isNotEmpty()
			.allSatisfy((row) -> assertThat(String.valueOf(row.get("table_collation"))).startsWith("utf8mb4"));
	}

	private Client newClient() {
		return this.clients.register(uniqueId() + "@example.com", "Ana Pérez", "Pérez SL", "es");
	}

	private static String uniqueId() {
		return UUID.randomUUID().toString().substring(0, 12);
	}

}
