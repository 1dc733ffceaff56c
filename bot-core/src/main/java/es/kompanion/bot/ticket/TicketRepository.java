package es.kompanion.bot.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import es.kompanion.bot.user.Department;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	Optional<Ticket> findByNumber(long number);

	long countByStatus(TicketStatus status);

	long countByClientIdAndStatus(Long clientId, TicketStatus status);

	Page<Ticket> findByClientIdOrderByCreatedAtDescIdDesc(Long clientId, Pageable page);

	Page<Ticket> findByClientIdAndStatusOrderByCreatedAtDescIdDesc(Long clientId, TicketStatus status, Pageable page);

	Optional<Ticket> findByStaffThreadRef(String staffThreadRef);

	Optional<Ticket> findFirstByFollowUpOfAndStatusNotOrderByIdDesc(Long followUpOf, TicketStatus status);

	Optional<Ticket> findFirstByClientIdAndDepartmentAndStatusNotAndCreatedAtAfterOrderByCreatedAtDescIdDesc(
			Long clientId, Department department, TicketStatus status, Instant since);

	List<Ticket> findByClientIdAndStatusNotOrderByCreatedAtDescIdDesc(Long clientId, TicketStatus status, Limit limit);

}
