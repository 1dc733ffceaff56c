package es.kompanion.bot.survey;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SurveyLinkRepository extends JpaRepository<SurveyLink, Long> {

	Optional<SurveyLink> findByTokenHash(String tokenHash);

	/**
	 * Marks the link used if it still can be; the count says whether this call won. A
	 * concurrent second call waits for the first transaction and then loses.
	 */
	@Modifying
	@Query("update SurveyLink l set l.usedAt = :now "
			+ "where l.tokenHash = :hash and l.usedAt is null and l.expiresAt > :now")
	int markUsed(String hash, Instant now);

	/**
	 * Gives a link back after an answer that could not be stored.
	 */
	@Modifying
	@Query("update SurveyLink l set l.usedAt = null where l.tokenHash = :hash")
	int release(String hash);

}
