package es.kompanion.bot.resource;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FiscalDeadlineRepository extends JpaRepository<FiscalDeadline, Long> {

	List<FiscalDeadline> findByDueDateBetweenOrderByDueDateAscTaxFormAscIdAsc(LocalDate from, LocalDate to);

	@Query("SELECT DISTINCT year(d.dueDate) FROM FiscalDeadline d ORDER BY year(d.dueDate)")
	List<Integer> findYears();

}
