package es.kompanion.bot.resource;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import es.kompanion.bot.user.Department;

interface FaqEntryRepository extends JpaRepository<FaqEntry, Long> {

	List<FaqEntry> findByDepartmentAndLanguageAndActiveTrueOrderByPositionAscIdAsc(Department department,
			String language);

	@Query("""
			SELECT f FROM FaqEntry f
			WHERE (:department IS NULL OR f.department = :department)
			  AND (:language IS NULL OR f.language = :language)
			ORDER BY f.department, f.language, f.position, f.id""")
	List<FaqEntry> findForAdmin(@Nullable Department department, @Nullable String language);

	@Query("SELECT DISTINCT f.department FROM FaqEntry f WHERE f.language = :language AND f.active = TRUE")
	List<Department> findDepartmentsWithActiveEntries(String language);

}
