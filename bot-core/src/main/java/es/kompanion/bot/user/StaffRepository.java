package es.kompanion.bot.user;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StaffRepository extends JpaRepository<Staff, Long> {

	Optional<Staff> findByEmail(String email);

	Optional<Staff> findBySlackUserId(String slackUserId);

	boolean existsByRoleAndActiveTrue(StaffRole role);

	List<Staff> findAllByOrderByFullNameAsc();

	/**
	 * The active staff with the role, locked until the transaction ends, so that two
	 * admins demoting each other at once cannot both succeed.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Staff s where s.role = :role and s.active = true order by s.id")
	List<Staff> lockActiveByRole(StaffRole role);

}
