package es.kompanion.bot.user;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientRepository extends JpaRepository<Client, Long> {

	Optional<Client> findByEmail(String email);

	/**
	 * Clients whose name, email or company matches the lower-case {@code LIKE} pattern
	 * (escape character {@code !}), optionally only active or only inactive ones.
	 */
	@Query("""
			select c from Client c
			where (:active is null or c.active = :active)
			  and (:pattern is null or lower(c.fullName) like :pattern escape '!'
			       or lower(c.email) like :pattern escape '!' or lower(c.company) like :pattern escape '!')""")
	Page<Client> search(@Nullable String pattern, @Nullable Boolean active, Pageable page);

}
