package es.kompanion.bot.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketMessageRepository extends JpaRepository<TicketMessage, Long> {

	List<TicketMessage> findByTicketIdOrderById(Long ticketId);

	List<TicketMessage> findByExternalRefAndAuthorTypeAndAuthorRef(String externalRef, AuthorType authorType,
			String authorRef);

}
