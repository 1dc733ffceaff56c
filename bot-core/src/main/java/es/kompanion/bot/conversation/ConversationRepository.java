package es.kompanion.bot.conversation;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import es.kompanion.bot.user.Channel;

interface ConversationRepository extends JpaRepository<Conversation, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Conversation> findByChannelAndExternalUserId(Channel channel, String externalUserId);

}
