package es.kompanion.bot.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Finds a client's tickets by words: every word must appear, in any order, in the
 * description or in what the client or staff wrote on the ticket. Quotes around words are
 * ignored; internal notes and system records are not searched.
 */
@Component
class OwnTicketSearch {

	static final int MAX_WORDS = 5;

	private final EntityManager entities;

	OwnTicketSearch(EntityManager entities) {
		this.entities = entities;
	}

	Page<Ticket> find(Long clientId, String text, Pageable page) {
		List<String> words = words(text);
		StringBuilder where = new StringBuilder(" from Ticket t where t.clientId = :clientId");
		for (int i = 0; i < words.size(); i++) {
			where.append(" and (lower(t.description) like :w")
				.append(i)
				.append(" or exists (select m.id from TicketMessage m where m.ticketId = t.id and m.authorType in ")
				.append("(es.kompanion.bot.ticket.AuthorType.CLIENT, es.kompanion.bot.ticket.AuthorType.STAFF) ")
				.append("and lower(m.body) like :w")
				.append(i)
				.append("))");
		}
		TypedQuery<Long> count = this.entities.createQuery("select count(t)" + where, Long.class);
		TypedQuery<Ticket> select = this.entities
			.createQuery("select t" + where + " order by t.createdAt desc, t.id desc", Ticket.class);
		count.setParameter("clientId", clientId);
		select.setParameter("clientId", clientId);
		for (int i = 0; i < words.size(); i++) {
			String pattern = "%" + escape(words.get(i)) + "%";
			count.setParameter("w" + i, pattern);
			select.setParameter("w" + i, pattern);
		}
		select.setFirstResult((int) page.getOffset());
		select.setMaxResults(page.getPageSize());
		return new PageImpl<>(select.getResultList(), page, count.getSingleResult());
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
			String bare = word.replaceAll("^[\"'«»“”‘’]+|[\"'«»“”‘’]+$", "");
			if (!bare.isEmpty() && words.size() < MAX_WORDS) {
				words.add(bare);
			}
		}
		return words;
	}

	private static String escape(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
