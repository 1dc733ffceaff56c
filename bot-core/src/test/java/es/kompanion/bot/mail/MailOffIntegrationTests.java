package es.kompanion.bot.mail;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Without an SMTP host, the default, email is off: nothing is queued, tickets work as
 * before and an invitation by email is refused with a reason.
 */
@SpringBootTest
class MailOffIntegrationTests {

	@Autowired
	private Mailer mailer;

	@Autowired
	private ClientInvitations invitations;

	@Autowired
	private Clients clients;

	@Autowired
	private Tickets tickets;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ObjectProvider<OutboxHandler<?>> handlers;

	@Test
	void queuesNothingAndTakesNoEmailFromTheOutbox() {
		Client client = this.clients.register("off-" + UUID.randomUUID() + "@example.com", "Ana", null, "es");

		TicketSummary ticket = this.tickets.open(client.getId(), Department.OTHER, "Una consulta cualquiera",
				Channel.TELEGRAM);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U0TEST"));
		this.transactions.executeWithoutResult((tx) -> this.mailer.send(client.getEmail(), "link-code", Locale.ENGLISH,
				Map.of("code", "123456", "minutes", 15)));

		assertThat(this.mailer.isEnabled()).isFalse();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE stream_key = ?", Integer.class,
				Mailer.streamKey(client.getEmail())))
			.isZero();
		assertThat(this.handlers.stream()).noneMatch((handler) -> handler.topic().equals(Mailer.TOPIC));
	}

	@Test
	void refusesToEmailAnInvitation() {
		Client client = this.clients.register("off-" + UUID.randomUUID() + "@example.com", "Ana", null, "es");

		assertThat(this.invitations.send(client.getId())).isEqualTo(InvitationMailOutcome.MAIL_OFF);
		assertThat(this.invitations.lastSent(client.getId())).isEmpty();
	}

	@Test
	void queuesOnlyInsideATransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.mailer.send("ana@example.com", "link-code", Locale.ENGLISH, Map.of()));
	}

}
