package es.kompanion.bot.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketAttachmentRepository extends JpaRepository<TicketAttachment, Long> {

	List<TicketAttachment> findByMessageIdOrderById(Long messageId);

	List<TicketAttachment> findByTicketIdOrderById(Long ticketId);

}
