package es.kompanion.bot.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Finds tickets for the staff's list: one query for the page, with each ticket's client
 * joined in, and one to count, built from only the parts of the filter that are set.
 */
@Component
class TicketSearch {

	private static final String SUMMARY = "SELECT new es.kompanion.bot.ticket.TicketSummary(t.id, t.number, "
			+ "t.clientId, c.fullName, c.company, t.department, t.status, t.description, t.originChannel, "
			+ "t.staffThreadRef, t.createdAt, t.updatedAt) FROM Ticket t JOIN Client c ON c.id = t.clientId";

	private final EntityManager entities;

	TicketSearch(EntityManager entities) {
		this.entities = entities;
	}

	Page<TicketSummary> find(TicketFilter filter, Pageable page) {
		Map<String, Object> parameters = new HashMap<>();
		String where = where(filter, parameters);

		TypedQuery<TicketSummary> query = this.entities
			.createQuery(SUMMARY + where + " ORDER BY t.createdAt DESC, t.id DESC", TicketSummary.class);
		parameters.forEach(query::setParameter);
		if (page.isPaged()) {
			query.setFirstResult((int) page.getOffset()).setMaxResults(page.getPageSize());
		}
		List<TicketSummary> content = query.getResultList();

		return PageableExecutionUtils.getPage(content, page, () -> count(filter, where, parameters));
	}

	private long count(TicketFilter filter, String where, Map<String, Object> parameters) {
		String from = (filter.client() != null) ? "FROM Ticket t JOIN Client c ON c.id = t.clientId" : "FROM Ticket t";
		TypedQuery<Long> query = this.entities.createQuery("SELECT COUNT(t) " + from + where, Long.class);
		parameters.forEach(query::setParameter);
		return query.getSingleResult();
	}

	private static String where(TicketFilter filter, Map<String, Object> parameters) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (filter.status() != null) {
			where.append(" AND t.status = :status");
			parameters.put("status", filter.status());
		}
		if (filter.department() != null) {
			where.append(" AND t.department = :department");
			parameters.put("department", filter.department());
		}
		if (filter.client() != null) {
			where.append(" AND (LOWER(c.fullName) LIKE :client ESCAPE '!' OR LOWER(c.email) LIKE :client ESCAPE '!'"
					+ " OR LOWER(c.company) LIKE :client ESCAPE '!')");
			parameters.put("client", contains(filter.client()));
		}
		if (filter.text() != null) {
			where.append(textCondition(filter, parameters));
		}
		return where.toString();
	}

	private static String textCondition(TicketFilter filter, Map<String, Object> parameters) {
		Long number = filter.number();
		if (number != null) {
			parameters.put("number", number);
		}
		if (filter.numberOnly()) {
			return " AND t.number = :number";
		}
		parameters.put("text", contains(filter.text()));
		String inDescription = "LOWER(t.description) LIKE :text ESCAPE '!'";
		return (number != null) ? " AND (t.number = :number OR " + inDescription + ")" : " AND " + inDescription;
	}

	/**
	 * A LIKE pattern for lower-cased columns that finds the text anywhere, with its own
	 * wildcards taken literally.
	 */
	static String contains(String text) {
		String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

}
