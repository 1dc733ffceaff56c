package es.kompanion.bot.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

	Page<AuditEntry> findAllByOrderByOccurredAtDescIdDesc(Pageable page);

	Page<AuditEntry> findByActorContainingIgnoreCaseOrTargetContainingIgnoreCaseOrderByOccurredAtDescIdDesc(
			String actor, String target, Pageable page);

}
