package es.kompanion.bot.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	Optional<Ticket> findByNumber(long number);

	long countByStatus(TicketStatus status);

	long countByClientIdAndStatus(Long clientId, TicketStatus status);

	Page<Ticket> findByClientIdOrderByCreatedAtDescIdDesc(Long clientId, Pageable page);

	Page<Ticket> findByClientIdAndStatusOrderByCreatedAtDescIdDesc(Long clientId, TicketStatus status, Pageable page);

	Optional<Ticket> findByStaffThreadRef(String staffThreadRef);

	List<Ticket> findByClientIdAndStatusNotOrderByCreatedAtDescIdDesc(Long clientId, TicketStatus status, Limit limit);

}
