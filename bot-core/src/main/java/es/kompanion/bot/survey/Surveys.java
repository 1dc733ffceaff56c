package es.kompanion.bot.survey;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;

/**
 * Records satisfaction answers, at most one per ticket, however often a button is
 * pressed.
 */
@Service
public class Surveys {

	private static final Logger log = LoggerFactory.getLogger(Surveys.class);

	private final SurveyRepository surveys;

	private final Tickets tickets;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Surveys(SurveyRepository surveys, Tickets tickets, JdbcTemplate jdbc, Clock clock) {
		this.surveys = surveys;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Stores the client's rating of their closed ticket, unless one is stored already.
	 * @throws es.kompanion.bot.ticket.TicketNotFoundException if the ticket is not the
	 * client's
	 */
	@Transactional
	public RatingOutcome rate(Long ticketId, Long clientId, int rating) {
		if (rating < 1 || rating > 5) {
			return RatingOutcome.INVALID;
		}
		Optional<TicketSummary> owned = this.tickets.findOwned(ticketId, clientId);
		if (owned.isEmpty()) {
			return RatingOutcome.INVALID;
		}
		TicketSummary ticket = owned.get();
		if (ticket.status() != TicketStatus.CLOSED) {
			return RatingOutcome.NOT_CLOSED;
		}
		int inserted = this.jdbc.update(
				"INSERT IGNORE INTO survey (ticket_id, client_id, rating, answered_at) " + "VALUES (?, ?, ?, ?)",
				ticketId, clientId, rating, java.sql.Timestamp.from(this.clock.instant()));
		if (inserted == 0) {
			return RatingOutcome.ALREADY_RATED;
		}
		log.info("Survey answered for ticket {} with {}", ticket.number(), rating);
		return RatingOutcome.RECORDED;
	}

	/**
	 * Adds the optional comment to a rating the client gave; only the first comment
	 * counts.
	 * @return whether the comment was stored
	 */
	@Transactional
	public boolean comment(Long ticketId, Long clientId, String comment) {
		Optional<Survey> survey = this.surveys.findByTicketId(ticketId)
			.filter((s) -> s.getClientId().equals(clientId) && !s.hasComment());
		survey.ifPresent((s) -> s.comment(comment, this.clock.instant()));
		return survey.isPresent();
	}

	@Transactional(readOnly = true)
	public Optional<Survey> find(Long ticketId) {
		return this.surveys.findByTicketId(ticketId);
	}

}
