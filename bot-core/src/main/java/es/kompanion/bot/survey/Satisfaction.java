package es.kompanion.bot.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.user.Department;

/**
 * Satisfaction figures for staff: ratings, their spread over departments and months, and
 * how fast tickets were answered and closed. The database only filters rows; months and
 * durations are worked out here, so the same queries run on MySQL, MariaDB and H2.
 */
@Service
public class Satisfaction {

	private static final String FIRST_STAFF_REPLY = "(SELECT MIN(m.createdAt) FROM TicketMessage m "
			+ "WHERE m.ticketId = t.id AND m.authorType = :staff)";

	private static final String RATINGS = "SELECT t.department AS department, s.rating AS rating, "
			+ "s.answeredAt AS answeredAt FROM Survey s JOIN Ticket t ON t.id = s.ticketId "
			+ "WHERE s.answeredAt >= :start AND s.answeredAt < :end";

	private static final String OPENED_TICKETS = "SELECT t.department AS department, t.createdAt AS createdAt, "
			+ "t.closedAt AS closedAt, " + FIRST_STAFF_REPLY + " AS firstReply FROM Ticket t "
			+ "WHERE t.createdAt >= :start AND t.createdAt < :end";

	private static final String SURVEY_LINES = "SELECT t.number AS number, t.department AS department, "
			+ "c.company AS company, s.rating AS rating, s.comment AS comment, s.answeredAt AS answeredAt, "
			+ "t.createdAt AS createdAt, t.closedAt AS closedAt, " + FIRST_STAFF_REPLY + " AS firstReply "
			+ "FROM Survey s JOIN Ticket t ON t.id = s.ticketId LEFT JOIN Client c ON c.id = t.clientId "
			+ "WHERE s.answeredAt >= :start AND s.answeredAt < :end";

	private final EntityManager entityManager;

	Satisfaction(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Ratings of the surveys answered in the period, and the times of the tickets opened
	 * in it.
	 */
	@Transactional(readOnly = true)
	public SatisfactionReport report(SatisfactionQuery query) {
		List<Department> departments = (query.department() != null) ? List.of(query.department())
				: List.of(Department.values());

		Ratings overall = new Ratings();
		long[] distribution = new long[6];
		Map<Department, Ratings> ratingsByDepartment = new EnumMap<>(Department.class);
		Map<YearMonth, Ratings> ratingsByMonth = new LinkedHashMap<>();
		departments.forEach((department) -> ratingsByDepartment.put(department, new Ratings()));
		query.months().forEach((month) -> ratingsByMonth.put(month, new Ratings()));
		for (Tuple row : select(RATINGS, query, "")) {
			int rating = row.get("rating", Integer.class);
			if (rating < 1 || rating > 5) {
				continue;
			}
			Instant answeredAt = row.get("answeredAt", Instant.class);
			overall.add(rating);
			distribution[rating]++;
			ratingsByDepartment.get(row.get("department", Department.class)).add(rating);
			Ratings month = ratingsByMonth.get(YearMonth.from(answeredAt.atZone(query.zone())));
			if (month != null) {
				month.add(rating);
			}
		}

		Times allTimes = new Times();
		Map<Department, Times> timesByDepartment = new EnumMap<>(Department.class);
		departments.forEach((department) -> timesByDepartment.put(department, new Times()));
		for (Tuple row : select(OPENED_TICKETS, query, "")) {
			Instant createdAt = row.get("createdAt", Instant.class);
			Instant closedAt = row.get("closedAt", Instant.class);
			Instant firstReply = row.get("firstReply", Instant.class);
			allTimes.add(createdAt, firstReply, closedAt);
			timesByDepartment.get(row.get("department", Department.class)).add(createdAt, firstReply, closedAt);
		}

		List<RatingCount> counts = new ArrayList<>();
		for (int rating = 1; rating <= 5; rating++) {
			counts.add(new RatingCount(rating, distribution[rating]));
		}
		List<DepartmentSatisfaction> byDepartment = departments.stream()
			.map((department) -> new DepartmentSatisfaction(department, ratingsByDepartment.get(department).count,
					ratingsByDepartment.get(department).average(), timesByDepartment.get(department).toTimes()))
			.toList();
		List<MonthlySatisfaction> byMonth = ratingsByMonth.entrySet()
			.stream()
			.map((entry) -> new MonthlySatisfaction(entry.getKey(), entry.getValue().count, entry.getValue().average()))
			.toList();
		return new SatisfactionReport(query, overall.count, overall.average(), counts, byDepartment, byMonth,
				allTimes.toTimes());
	}

	/**
	 * Every survey answered in the period, oldest first, with its ticket's times.
	 */
	@Transactional(readOnly = true)
	public List<SurveyLine> surveys(SatisfactionQuery query) {
		return select(SURVEY_LINES, query, " ORDER BY s.answeredAt, s.id").stream().map((row) -> {
			Instant createdAt = row.get("createdAt", Instant.class);
			return new SurveyLine(row.get("number", Long.class), row.get("department", Department.class),
					row.get("company", String.class), row.get("rating", Integer.class),
					row.get("comment", String.class), row.get("answeredAt", Instant.class),
					elapsed(createdAt, row.get("firstReply", Instant.class)),
					elapsed(createdAt, row.get("closedAt", Instant.class)));
		}).toList();
	}

	private List<Tuple> select(String jpql, SatisfactionQuery query, String orderBy) {
		String where = (query.department() != null) ? " AND t.department = :department" : "";
		TypedQuery<Tuple> select = this.entityManager.createQuery(jpql + where + orderBy, Tuple.class)
			.setParameter("start", query.start())
			.setParameter("end", query.end());
		if (jpql.contains(":staff")) {
			select.setParameter("staff", AuthorType.STAFF);
		}
		if (query.department() != null) {
			select.setParameter("department", query.department());
		}
		return select.getResultList();
	}

	private static @Nullable Duration elapsed(Instant from, @Nullable Instant to) {
		if (to == null || to.isBefore(from)) {
			return null;
		}
		return Duration.between(from, to);
	}

	private static final class Ratings {

		private long count;

		private long sum;

		void add(int rating) {
			this.count++;
			this.sum += rating;
		}

		@Nullable Double average() {
			return (this.count > 0) ? (double) this.sum / this.count : null;
		}

	}

	private static final class Times {

		private long tickets;

		private long answered;

		private long firstResponseMillis;

		private long closed;

		private long resolutionMillis;

		void add(Instant createdAt, @Nullable Instant firstReply, @Nullable Instant closedAt) {
			this.tickets++;
			Duration firstResponse = elapsed(createdAt, firstReply);
			if (firstResponse != null) {
				this.answered++;
				this.firstResponseMillis += firstResponse.toMillis();
			}
			Duration resolution = elapsed(createdAt, closedAt);
			if (resolution != null) {
				this.closed++;
				this.resolutionMillis += resolution.toMillis();
			}
		}

		TicketTimes toTimes() {
			return new TicketTimes(this.tickets, this.answered,
					(this.answered > 0) ? Duration.ofMillis(this.firstResponseMillis / this.answered) : null,
					this.closed, (this.closed > 0) ? Duration.ofMillis(this.resolutionMillis / this.closed) : null);
		}

	}

}
