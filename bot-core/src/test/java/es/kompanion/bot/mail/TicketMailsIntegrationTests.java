package es.kompanion.bot.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.delivery.DeliveryFailed;
import es.kompanion.bot.survey.SurveyLinkOutcome;
import es.kompanion.bot.survey.SurveyLinks;
import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients hear about their tickets by email through a real SMTP server, in their own
 * language: received, waiting for them, closed by staff with a working survey link, and
 * answered while they are away from the chat. A mail that should not be sent is checked
 * by sending a later one to the same address: emails to one address leave in order.
 */
@MailIntegrationTest
class TicketMailsIntegrationTests {

	private static final Actor STAFF = Actor.staff("slack:U0TEST");

	private static final Pattern SURVEY_LINK = Pattern.compile("http://localhost:8080/survey/([A-Za-z0-9_-]+)");

	@Autowired
	private Clients clients;

	@Autowired
	private Tickets tickets;

	@Autowired
	private Surveys surveys;

	@Autowired
	private SurveyLinks surveyLinks;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ApplicationEventPublisher events;

	@Test
	void tellsASpanishClientTheirTicketWasReceived() throws Exception {
		Client client = client("es");

		TicketSummary ticket = this.tickets.open(client.getId(), Department.LABOUR,
				"Necesito dar de alta a una persona el lunes", Channel.TELEGRAM);

		MimeMessage mail = SmtpServer.awaitMail(client.getEmail(), 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Hemos recibido tu consulta " + ticket.label());
		assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@kompanion.local");
		assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Kompanion");
		assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(SmtpServer.text(mail)).contains("Hola, Ana Test:", "área de Laboral",
				"Necesito dar de alta a una persona el lunes");
		assertThat(SmtpServer.html(mail)).contains("lang=\"es\"", "Necesito dar de alta a una persona el lunes");
	}

	@Test
	void tellsAnEnglishClientTheirTicketWasReceived() throws Exception {
		Client client = client("en");

		TicketSummary ticket = this.tickets.open(client.getId(), Department.ACCOUNTING_TAX,
				"Question about the VAT return", Channel.SLACK);

		MimeMessage mail = SmtpServer.awaitMail(client.getEmail(), 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("We received your ticket " + ticket.label());
		assertThat(SmtpServer.text(mail)).contains("Hi Ana Test,", "Accounting / Tax", "Question about the VAT return");
	}

	@Test
	void asksForTheClientsAnswerWhenStaffSetPendingClient() {
		Client client = client("en");
		TicketSummary ticket = open(client);

		this.tickets.changeStatus(ticket.id(), TicketStatus.PENDING_CLIENT, STAFF);

		List<MimeMessage> mails = SmtpServer.awaitMail(client.getEmail(), 2);
		assertThat(SmtpServer.subject(mails.get(1)))
			.isEqualTo("Your ticket " + ticket.label() + " is waiting for your answer");
		assertThat(SmtpServer.text(mails.get(1))).contains("answer in the same ticket");
	}

	@Test
	void sendsTheSurveyLinkWhenStaffCloseATicketAndTheLinkWorksOnce() {
		Client client = client("es");
		TicketSummary ticket = open(client);

		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, STAFF);

		MimeMessage mail = SmtpServer.awaitMail(client.getEmail(), 2).get(1);
		assertThat(SmtpServer.subject(mail)).isEqualTo("Tu consulta " + ticket.label() + " está cerrada");
		String token = surveyToken(SmtpServer.text(mail));
		assertThat(SmtpServer.html(mail)).contains("http://localhost:8080/survey/" + token);
		assertThat(this.surveyLinks.redeem(token, 5, "  Muy rápidos  ")).isEqualTo(SurveyLinkOutcome.RECORDED);
		assertThat(this.surveyLinks.redeem(token, 1, "otra")).isEqualTo(SurveyLinkOutcome.UNAVAILABLE);
		assertThat(this.surveys.find(ticket.id())).hasValueSatisfying((survey) -> {
			assertThat(survey.getRating()).isEqualTo(5);
			assertThat(survey.getComment()).isEqualTo("Muy rápidos");
		});
	}

	@Test
	void sendsNoStatusEmailWhenTheClientChangedTheStatusThemselves() {
		Client client = client("es");
		TicketSummary ticket = open(client);

		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.client(client.getId()));
		this.tickets.changeStatus(ticket.id(), TicketStatus.OPEN, STAFF);
		this.tickets.changeStatus(ticket.id(), TicketStatus.PENDING_CLIENT, STAFF);

		SmtpServer.awaitMail(client.getEmail(), 2);
		assertThat(SmtpServer.subjects(client.getEmail())).containsExactly(
				"Hemos recibido tu consulta " + ticket.label(),
				"Tu consulta " + ticket.label() + " espera tu respuesta");
	}

	@Test
	void emailsAStaffAnswerToAClientAwayFromTheChat() {
		Client client = client("en");
		chattedAgo(client, Duration.ofHours(2));
		TicketSummary ticket = open(client);

		this.tickets.addStaffReply(ticket.id(), STAFF, "Done: the payslips are in your folder.\nCheck them.", null);

		MimeMessage mail = SmtpServer.awaitMail(client.getEmail(), 2).get(1);
		assertThat(SmtpServer.subject(mail)).isEqualTo("New answer on your ticket " + ticket.label());
		assertThat(SmtpServer.text(mail)).contains("Done: the payslips are in your folder.\nCheck them.");
	}

	@Test
	void keepsAStaffAnswerInTheChatWhileTheClientIsActiveThere() {
		Client client = client("es");
		chattedAgo(client, Duration.ofMinutes(2));
		TicketSummary ticket = open(client);

		this.tickets.addStaffReply(ticket.id(), STAFF, "Ya lo tienes en tu carpeta.", null);
		this.tickets.changeStatus(ticket.id(), TicketStatus.PENDING_CLIENT, STAFF);

		SmtpServer.awaitMail(client.getEmail(), 2);
		assertThat(SmtpServer.subjects(client.getEmail())).containsExactly(
				"Hemos recibido tu consulta " + ticket.label(),
				"Tu consulta " + ticket.label() + " espera tu respuesta");
	}

	@Test
	void emailsNothingToAnInactiveClient() {
		Client client = client("es");
		TicketSummary ticket = open(client);
		SmtpServer.awaitMail(client.getEmail(), 1);

		this.clients.deactivate(client.getId());
		this.tickets.addStaffReply(ticket.id(), STAFF, "Respuesta", null);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, STAFF);
		this.clients.reactivate(client.getId());
		this.tickets.changeStatus(ticket.id(), TicketStatus.OPEN, STAFF);
		this.tickets.changeStatus(ticket.id(), TicketStatus.PENDING_CLIENT, STAFF);

		SmtpServer.awaitMail(client.getEmail(), 2);
		assertThat(SmtpServer.subjects(client.getEmail())).containsExactly(
				"Hemos recibido tu consulta " + ticket.label(),
				"Tu consulta " + ticket.label() + " espera tu respuesta");
	}

	@Test
	void recordsOnTheTicketAnEmailTheServerRejectedForGood() {
		Client client = client("es");
		TicketSummary ticket = open(client);
		Email email = new Email(client.getEmail(), "Asunto", "Texto", "<p>Texto</p>", ticket.id());

		this.transactions.executeWithoutResult((tx) -> this.events
			.publishEvent(new DeliveryFailed(Mailer.TOPIC, email, "SMTP server rejected the recipient")));

		assertThat(this.tickets.messagesOf(ticket.id())).extracting(TicketMessage::getBody)
			.contains("delivery to EMAIL failed: SMTP server rejected the recipient");
	}

	private Client client(String language) {
		return this.clients.register("ana-" + UUID.randomUUID() + "@example.com", "Ana Test", "Test SL", language);
	}

	private TicketSummary open(Client client) {
		TicketSummary ticket = this.tickets.open(client.getId(), Department.OTHER, "Una consulta de prueba",
				Channel.TELEGRAM);
		SmtpServer.awaitMail(client.getEmail(), 1);
		return ticket;
	}

	/**
	 * Links a Telegram account to the client whose conversation last moved that long ago.
	 */
	private void chattedAgo(Client client, Duration ago) {
		String user = "tg-" + UUID.randomUUID();
		this.clients.linkDirectly(client.getId(), new ChatAccount(Channel.TELEGRAM, user, user, "Ana"));
		this.jdbc.update(
				"INSERT INTO conversation (channel, external_user_id, chat_id, state, variables, language, updated_at) "
						+ "VALUES ('TELEGRAM', ?, ?, 'IDLE', '{}', ?, ?)",
				user, user, client.getLanguage(),
				LocalDateTime.ofInstant(this.clock.instant().minus(ago), ZoneOffset.UTC));
	}

	private static String surveyToken(String text) {
		Matcher matcher = SURVEY_LINK.matcher(text);
		assertThat(matcher.find()).as("survey link in %s", text).isTrue();
		return matcher.group(1);
	}

}
