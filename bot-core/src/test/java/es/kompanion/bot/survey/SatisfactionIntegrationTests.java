package es.kompanion.bot.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Satisfaction figures on the real MariaDB. Tickets are opened through the core and then
 * moved into two months of a far-away year, picked at random, so the numbers are exact
 * even when other runs share the database.
 */
@SpringBootTest
class SatisfactionIntegrationTests {

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	@Autowired
	private Satisfaction satisfaction;

	@Autowired
	private Tickets tickets;

	@Autowired
	private Surveys surveys;

	@Autowired
	private Clients clients;

	@Autowired
	private JdbcTemplate jdbc;

	private int year;

	private int month;

	private long taxFast;

	private long taxSlow;

	private long labourRated;

	@BeforeEach
	void ticketsOfAYearOfTheirOwn() {
		this.year = ThreadLocalRandom.current().nextInt(2200, 9000);
		this.month = ThreadLocalRandom.current().nextInt(1, 12);
		Client client = this.clients.register(UUID.randomUUID() + "@example.com", "Ana Pérez", "Pérez Asesores SL",
				"es");
		this.taxFast = ticket(client, Department.ACCOUNTING_TAX, at(0, 10, 10), Duration.ofMinutes(30),
				Duration.ofHours(5), 5, at(0, 11, 0));
		this.taxSlow = ticket(client, Department.ACCOUNTING_TAX, at(0, 12, 9), Duration.ofMinutes(90),
				Duration.ofHours(25), 3, at(1, 2, 12));
		ticket(client, Department.LABOUR, at(1, 1, 8), null, null, 0, null);
		this.labourRated = ticket(client, Department.LABOUR, at(1, 2, 8), Duration.ofMinutes(60), Duration.ofHours(2),
				1, at(1, 3, 12));
	}

	@Test
	void reportsRatingsByDepartmentAndMonth() {
		SatisfactionReport report = this.satisfaction.report(twoMonths(null));

		assertThat(report.surveys()).isEqualTo(3);
		assertThat(report.averageRating()).isCloseTo(3.0, offset(0.001));
		assertThat(report.distribution()).extracting(RatingCount::rating, RatingCount::surveys)
			.containsExactly(tuple(1, 1L), tuple(2, 0L), tuple(3, 1L), tuple(4, 0L), tuple(5, 1L));
		assertThat(report.byDepartment())
			.extracting(DepartmentSatisfaction::department, DepartmentSatisfaction::surveys,
					DepartmentSatisfaction::averageRating)
			.containsExactly(tuple(Department.ACCOUNTING_TAX, 2L, 4.0), tuple(Department.LABOUR, 1L, 1.0),
					tuple(Department.INTEGRATIONS, 0L, null), tuple(Department.OTHER, 0L, null));
		assertThat(report.byMonth())
			.extracting(MonthlySatisfaction::month, MonthlySatisfaction::surveys, MonthlySatisfaction::averageRating)
			.containsExactly(tuple(YearMonth.of(this.year, this.month), 1L, 5.0),
					tuple(YearMonth.of(this.year, this.month + 1), 2L, 2.0));
	}

	@Test
	void measuresFirstResponseAndResolutionFromTheTicketsOpened() {
		SatisfactionReport report = this.satisfaction.report(twoMonths(null));

		TicketTimes all = report.times();
		assertThat(all.tickets()).isEqualTo(4);
		assertThat(all.answered()).isEqualTo(3);
		assertThat(all.averageFirstResponse()).isEqualTo(Duration.ofMinutes(60));
		assertThat(all.closed()).isEqualTo(3);
		assertThat(all.averageResolution()).isEqualTo(Duration.ofHours(32).dividedBy(3));
		TicketTimes tax = report.byDepartment().get(0).times();
		assertThat(tax.averageFirstResponseMinutes()).isCloseTo(60.0, offset(0.001));
		assertThat(tax.averageResolutionHours()).isCloseTo(15.0, offset(0.001));
		TicketTimes labour = report.byDepartment().get(1).times();
		assertThat(labour.tickets()).isEqualTo(2);
		assertThat(labour.answered()).isEqualTo(1);
		assertThat(labour.averageResolution()).isEqualTo(Duration.ofHours(2));
		assertThat(report.byDepartment().get(2).times().averageFirstResponse()).isNull();
	}

	@Test
	void narrowsTheReportToOneDepartment() {
		SatisfactionReport report = this.satisfaction.report(twoMonths(Department.LABOUR));

		assertThat(report.surveys()).isEqualTo(1);
		assertThat(report.averageRating()).isEqualTo(1.0);
		assertThat(report.byDepartment()).extracting(DepartmentSatisfaction::department)
			.containsExactly(Department.LABOUR);
		assertThat(report.times().tickets()).isEqualTo(2);
	}

	@Test
	void countsADayInTheFirmsTimeZone() {
		LocalDate day = LocalDate.of(this.year, this.month, 11);

		SatisfactionReport oneDay = this.satisfaction.report(new SatisfactionQuery(day, day, null, MADRID));
		SatisfactionReport dayBeforeInUtc = this.satisfaction
			.report(new SatisfactionQuery(day.minusDays(1), day.minusDays(1), null, ZoneOffset.UTC));

		assertThat(oneDay.surveys()).isEqualTo(1);
		assertThat(oneDay.byMonth()).singleElement()
			.satisfies((m) -> assertThat(m.month()).isEqualTo(YearMonth.of(this.year, this.month)));
		assertThat(dayBeforeInUtc.surveys()).isEqualTo(1);
	}

	@Test
	void listsEverySurveyWithItsTicketForTheExport() {
		List<SurveyLine> lines = this.satisfaction.surveys(twoMonths(null));

		assertThat(lines)
			.extracting(SurveyLine::ticketNumber, SurveyLine::rating, SurveyLine::firstResponse, SurveyLine::resolution)
			.containsExactly(tuple(this.taxFast, 5, Duration.ofMinutes(30), Duration.ofHours(5)),
					tuple(this.taxSlow, 3, Duration.ofMinutes(90), Duration.ofHours(25)),
					tuple(this.labourRated, 1, Duration.ofMinutes(60), Duration.ofHours(2)));
		assertThat(lines.get(0).company()).isEqualTo("Pérez Asesores SL");
		assertThat(lines.get(2).comment()).isEqualTo("=Todo tarde");
		assertThat(lines.get(2).department()).isEqualTo(Department.LABOUR);
	}

	@Test
	void defaultsToTheLastTwelveMonths() {
		SatisfactionQuery query = SatisfactionQuery.lastTwelveMonths(LocalDate.of(2026, 12, 4), null, MADRID);

		assertThat(query.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(query.months()).hasSize(12).endsWith(YearMonth.of(2026, 12));
	}

	private SatisfactionQuery twoMonths(@Nullable Department department) {
		LocalDate first = LocalDate.of(this.year, this.month, 1);
		return new SatisfactionQuery(first, first.plusMonths(2).minusDays(1), department, MADRID);
	}

	/**
	 * A time in the test's first month (0) or the one after it (1).
	 */
	private Instant at(int monthOffset, int day, int hour) {
		return LocalDateTime.of(this.year, this.month + monthOffset, day, hour, 0).atZone(MADRID).toInstant();
	}

	/**
	 * Opens a ticket, with an internal note before any reply, then moves its times to the
	 * given ones.
	 */
	private long ticket(Client client, Department department, Instant openedAt, @Nullable Duration firstReply,
			@Nullable Duration resolution, int rating, @Nullable Instant ratedAt) {
		TicketSummary ticket = this.tickets.open(client.getId(), department, "Consulta de prueba del informe",
				Channel.TELEGRAM);
		this.tickets.addStaffReply(ticket.id(), new Actor(AuthorType.NOTE, "slack:U1"), "Nota interna", null);
		TicketMessage reply = (firstReply != null)
				? this.tickets.addStaffReply(ticket.id(), Actor.staff("slack:U1"), "Respuesta", null) : null;
		if (resolution != null) {
			this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));
			this.surveys.rate(ticket.id(), client.getId(), rating);
		}
		if (rating == 1) {
			this.surveys.comment(ticket.id(), client.getId(), "=Todo tarde");
		}

		this.jdbc.update("UPDATE ticket SET created_at = ?, closed_at = ? WHERE id = ?", utc(openedAt),
				(resolution != null) ? utc(openedAt.plus(resolution)) : null, ticket.id());
		this.jdbc.update("UPDATE ticket_message SET created_at = ? WHERE ticket_id = ?", utc(openedAt.plusSeconds(60)),
				ticket.id());
		if (reply != null && firstReply != null) {
			this.jdbc.update("UPDATE ticket_message SET created_at = ? WHERE id = ?", utc(openedAt.plus(firstReply)),
					reply.getId());
		}
		if (ratedAt != null) {
			this.jdbc.update("UPDATE survey SET answered_at = ? WHERE ticket_id = ?", utc(ratedAt), ticket.id());
		}
		return ticket.number();
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
