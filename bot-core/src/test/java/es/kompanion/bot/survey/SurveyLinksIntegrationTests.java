package es.kompanion.bot.survey;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey links on the real database: one answer per link and per ticket, whichever way
 * (chat or link) it came first, and nothing through an unknown, used or expired link.
 */
@SpringBootTest
class SurveyLinksIntegrationTests {

	private static final Duration MONTH = Duration.ofDays(30);

	@Autowired
	private SurveyLinks links;

	@Autowired
	private Surveys surveys;

	@Autowired
	private Tickets tickets;

	@Autowired
	private Clients clients;

	@Test
	void storesOneAnswerAndRefusesTheLinkAfterwards() {
		TicketSummary ticket = closedTicket("en");
		String token = this.links.issue(ticket.id(), MONTH);

		assertThat(this.links.find(token)).hasValueSatisfying((link) -> {
			assertThat(link.number()).isEqualTo(ticket.number());
			assertThat(link.language()).isEqualTo("en");
			assertThat(link.alreadyRated()).isFalse();
		});
		assertThat(this.links.redeem(token, 4, "Quick and clear")).isEqualTo(SurveyLinkOutcome.RECORDED);
		assertThat(this.links.redeem(token, 1, null)).isEqualTo(SurveyLinkOutcome.UNAVAILABLE);
		assertThat(this.links.find(token)).isEmpty();
		assertThat(this.surveys.find(ticket.id())).hasValueSatisfying((survey) -> {
			assertThat(survey.getRating()).isEqualTo(4);
			assertThat(survey.getComment()).isEqualTo("Quick and clear");
		});
	}

	@Test
	void keepsTheRatingAClientGaveInTheChat() {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), MONTH);
		this.surveys.rate(ticket.id(), ticket.clientId(), 2);

		assertThat(this.links.find(token)).hasValueSatisfying((link) -> assertThat(link.alreadyRated()).isTrue());
		assertThat(this.links.redeem(token, 5, "Genial")).isEqualTo(SurveyLinkOutcome.ALREADY_RATED);
		assertThat(this.surveys.find(ticket.id())).hasValueSatisfying((survey) -> {
			assertThat(survey.getRating()).isEqualTo(2);
			assertThat(survey.getComment()).isNull();
		});
	}

	@Test
	void refusesAnExpiredOrUnknownLink() {
		TicketSummary ticket = closedTicket("es");
		String expired = this.links.issue(ticket.id(), Duration.ZERO);

		assertThat(this.links.find(expired)).isEmpty();
		assertThat(this.links.redeem(expired, 5, null)).isEqualTo(SurveyLinkOutcome.UNAVAILABLE);
		assertThat(this.links.find("no-such-token")).isEmpty();
		assertThat(this.links.redeem("no-such-token", 5, null)).isEqualTo(SurveyLinkOutcome.UNAVAILABLE);
		assertThat(this.links.redeem("x".repeat(500), 5, null)).isEqualTo(SurveyLinkOutcome.UNAVAILABLE);
		assertThat(this.surveys.find(ticket.id())).isEmpty();
	}

	@Test
	void keepsTheLinkForARatingOutOfRange() {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), MONTH);

		assertThat(this.links.redeem(token, 6, null)).isEqualTo(SurveyLinkOutcome.INVALID);
		assertThat(this.links.redeem(token, 0, null)).isEqualTo(SurveyLinkOutcome.INVALID);

		assertThat(this.links.redeem(token, 3, "   ")).isEqualTo(SurveyLinkOutcome.RECORDED);
		assertThat(this.surveys.find(ticket.id())).hasValueSatisfying((survey) -> {
			assertThat(survey.getRating()).isEqualTo(3);
			assertThat(survey.getComment()).isNull();
		});
	}

	@Test
	void waitsForAReopenedTicketToCloseAgain() {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), MONTH);
		this.tickets.changeStatus(ticket.id(), TicketStatus.OPEN, Actor.staff("slack:U0TEST"));

		assertThat(this.links.find(token)).isEmpty();
		assertThat(this.links.redeem(token, 5, null)).isEqualTo(SurveyLinkOutcome.UNAVAILABLE);

		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U0TEST"));
		assertThat(this.links.redeem(token, 5, null)).isEqualTo(SurveyLinkOutcome.RECORDED);
	}

	@Test
	void cutsAVeryLongComment() {
		TicketSummary ticket = closedTicket("es");
		String token = this.links.issue(ticket.id(), MONTH);

		this.links.redeem(token, 5, "a".repeat(SurveyLinks.COMMENT_MAX_LENGTH + 50));

		assertThat(this.surveys.find(ticket.id()).orElseThrow().getComment()).hasSize(SurveyLinks.COMMENT_MAX_LENGTH);
	}

	private TicketSummary closedTicket(String language) {
		Client client = this.clients.register("survey-" + UUID.randomUUID() + "@example.com", "Eva", null, language);
		TicketSummary ticket = this.tickets.open(client.getId(), Department.ACCOUNTING_TAX, "Una duda sobre el IVA",
				Channel.TELEGRAM);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U0TEST"));
		return ticket;
	}

}
