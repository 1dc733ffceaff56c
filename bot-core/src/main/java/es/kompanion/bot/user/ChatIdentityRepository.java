package es.kompanion.bot.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChatIdentityRepository extends JpaRepository<ChatIdentity, Long> {

	Optional<ChatIdentity> findByChannelAndExternalUserId(Channel channel, String externalUserId);

	List<ChatIdentity> findByClientIdOrderById(Long clientId);

}
