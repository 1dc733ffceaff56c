package es.kompanion.bot.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffRepository extends JpaRepository<Staff, Long> {

	Optional<Staff> findByEmail(String email);

	Optional<Staff> findBySlackUserId(String slackUserId);

	boolean existsByRoleAndActiveTrue(StaffRole role);

	List<Staff> findAllByOrderByFullNameAsc();

}
