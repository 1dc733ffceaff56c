package es.kompanion.bot.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP outage delays email without losing or doubling any: emails queued while the
 * server is down arrive once it is back, each once, in order per client.
 */
@MailIntegrationTest
class SmtpOutageIntegrationTests {

	@Autowired
	private Clients clients;

	@Autowired
	private Tickets tickets;

	@Autowired
	private JdbcTemplate jdbc;

	@AfterEach
	void serverBack() {
		SmtpServer.start();
	}

	@Test
	void deliversEveryEmailOnceWhenTheServerComesBack() {
		Client ana = client("es");
		Client bob = client("en");
		SmtpServer.stop();

		TicketSummary first = this.tickets.open(ana.getId(), Department.LABOUR, "Alta de una persona nueva",
				Channel.TELEGRAM);
		this.tickets.changeStatus(first.id(), TicketStatus.PENDING_CLIENT, Actor.staff("slack:U0TEST"));
		TicketSummary second = this.tickets.open(bob.getId(), Department.OTHER, "A question about invoices",
				Channel.SLACK);
		await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(ana) > 0 && failedAttempts(bob) > 0);
		assertThat(SmtpServer.to(ana.getEmail())).isEmpty();

		SmtpServer.start();

		SmtpServer.awaitMail(ana.getEmail(), 2);
		SmtpServer.awaitMail(bob.getEmail(), 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> sent(ana) == 2 && sent(bob) == 1);
		assertThat(SmtpServer.subjects(ana.getEmail())).containsExactly("Hemos recibido tu consulta " + first.label(),
				"Tu consulta " + first.label() + " espera tu respuesta");
		assertThat(SmtpServer.subjects(bob.getEmail())).containsExactly("We received your ticket " + second.label());
	}

	private int failedAttempts(Client client) {
		List<Integer> attempts = this.jdbc.queryForList(
				"SELECT attempts FROM outbox_message WHERE topic = 'EMAIL' AND stream_key = ? AND status = 'PENDING'",
				Integer.class, Mailer.streamKey(client.getEmail()));
		return attempts.stream().mapToInt(Integer::intValue).sum();
	}

	private int sent(Client client) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbox_message WHERE topic = 'EMAIL' AND stream_key = ? AND status = 'SENT'",
				Integer.class, Mailer.streamKey(client.getEmail()));
	}

	private Client client(String language) {
		return this.clients.register("outage-" + UUID.randomUUID() + "@example.com", "Cliente", null, language);
	}

}
