package es.kompanion.bot.user;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

	Optional<Invitation> findByTokenHash(String tokenHash);

	/**
	 * Marks the invitation used if it still can be; the count says whether this call won.
	 */
	@Modifying
	@Query("update Invitation i set i.usedAt = :now where i.tokenHash = :hash and i.usedAt is null and i.expiresAt > :now")
	int markUsed(String hash, Instant now);

	/**
	 * Retires the client's invitations still open, when a new one replaces them.
	 */
	@Modifying
	@Query("update Invitation i set i.usedAt = :now where i.clientId = :clientId and i.usedAt is null")
	int retireOpen(Long clientId, Instant now);

}
