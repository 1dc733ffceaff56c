package es.kompanion.bot.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	Optional<Ticket> findByNumber(long number);

	long countByStatus(TicketStatus status);

	Optional<Ticket> findByStaffThreadRef(String staffThreadRef);

	List<Ticket> findByClientIdOrderByCreatedAtDescIdDesc(Long clientId, Limit limit);

	List<Ticket> findByClientIdAndStatusNotOrderByCreatedAtDescIdDesc(Long clientId, TicketStatus status, Limit limit);

}
