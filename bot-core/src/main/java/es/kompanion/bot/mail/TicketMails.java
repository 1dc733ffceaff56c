package es.kompanion.bot.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import es.kompanion.bot.delivery.DeliveryFailed;
import es.kompanion.bot.survey.SurveyLinks;
import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.ticket.StaffReplied;
import es.kompanion.bot.ticket.TicketOpened;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketStatusChanged;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

/**
 * Emails clients, in their language, about their tickets: received, waiting for their
 * answer, closed (with the survey link) and answered by staff. Runs inside the
 * transaction of the change, so an email is queued if and only if the change is stored.
 * Inactive clients, and clients without an address that can receive email, get nothing.
 */
@Component
class TicketMails {

	private static final Logger log = LoggerFactory.getLogger(TicketMails.class);

	private static final int SUMMARY_LENGTH = 300;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Tickets tickets;

	private final Clients clients;

	private final Surveys surveys;

	private final SurveyLinks surveyLinks;

	private final ChatActivity activity;

	private final MailProperties properties;

	private final Clock clock;

	TicketMails(Mailer mailer, MailTemplates templates, Tickets tickets, Clients clients, Surveys surveys,
			SurveyLinks surveyLinks, ChatActivity activity, MailProperties properties, Clock clock) {
		this.mailer = mailer;
		this.templates = templates;
		this.tickets = tickets;
		this.clients = clients;
		this.surveys = surveys;
		this.surveyLinks = surveyLinks;
		this.activity = activity;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(TicketOpened event) {
		mail(event.clientId(), event.ticketId(), "ticket-received", (ticket) -> Map.of("department",
				ticket.department().name(), "summary", abbreviate(ticket.description())));
	}

	@EventListener
	void on(TicketStatusChanged event) {
		if (event.actor().isClient()) {
			return;
		}
		if (event.to() == TicketStatus.PENDING_CLIENT) {
			mail(event.clientId(), event.ticketId(), "status-pending", (ticket) -> Map.of());
		}
		else if (event.to() == TicketStatus.CLOSED) {
			mail(event.clientId(), event.ticketId(), "status-closed", this::closedVariables);
		}
	}

	@EventListener
	void on(StaffReplied event) {
		if (!this.mailer.isEnabled()) {
			return;
		}
		String body = this.tickets.message(event.messageId()).getBody();
		if (body.isBlank()) {
			// Only files: they reach the client in the chat.
			return;
		}
		if (this.properties.staffReplies() == MailProperties.StaffReplies.WHEN_AWAY && !isAway(event.clientId())) {
			log.debug("Client {} is active in a chat; no email about the answer", event.clientId());
			return;
		}
		mail(event.clientId(), event.ticketId(), "staff-replied", (ticket) -> Map.of("reply", body));
	}

	/**
	 * An email about a ticket that the SMTP server refused for good is recorded on the
	 * ticket, so staff see it.
	 */
	@EventListener
	void on(DeliveryFailed event) {
		if (event.payload() instanceof Email email && email.ticketId() != null) {
			this.tickets.recordClientUnreachable(email.ticketId(), Mailer.TOPIC, event.reason());
		}
	}

	private boolean isAway(Long clientId) {
		return away(this.activity.lastSeen(clientId), this.clock.instant(), this.properties.awayAfter());
	}

	/**
	 * Whether a client whose last chat activity was then counts as away now.
	 */
	static boolean away(Optional<Instant> lastSeen, Instant now, Duration awayAfter) {
		return lastSeen.map((seen) -> seen.plus(awayAfter).isBefore(now)).orElse(true);
	}

	private Map<String, Object> closedVariables(TicketSummary ticket) {
		if (this.surveys.find(ticket.id()).isPresent()) {
			return Map.of();
		}
		String token = this.surveyLinks.issue(ticket.id(), this.properties.surveyLinkValidity());
		return Map.of("surveyUrl", this.properties.baseUrl() + "/survey/" + token);
	}

	private void mail(Long clientId, Long ticketId, String template,
			Function<TicketSummary, Map<String, Object>> variables) {
		if (!this.mailer.isEnabled()) {
			return;
		}
		Client client = this.clients.find(clientId).orElse(null);
		if (client == null || !client.isActive() || !Mailer.canReach(client.getEmail())) {
			log.debug("No {} email for client {}", template, clientId);
			return;
		}
		TicketSummary ticket = this.tickets.summary(ticketId);
		Map<String, Object> values = new HashMap<>(variables.apply(ticket));
		values.put("name", client.getFullName());
		values.put("number", ticket.label());
		MailContent content;
		try {
			content = this.templates.render(template, Mailer.locale(client.getLanguage()), values, ticket.label());
		}
		catch (RuntimeException ex) {
			// The change itself must not fail because its email could not be written.
			log.error("The {} email about ticket {} could not be written; it is not sent", template, ticket.number(),
					ex);
			return;
		}
		this.mailer.queue(client.getEmail(), content, ticketId);
	}

	private static String abbreviate(String text) {
		String clean = text.strip();
		return (clean.length() <= SUMMARY_LENGTH) ? clean : clean.substring(0, SUMMARY_LENGTH - 1) + "…";
	}

}
