package es.kompanion.bot.conversation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.statemachine.ExtendedState;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.user.ChatAccount;

/**
 * Loads and saves conversations, and is the state machine's persistence: the machine's
 * state and its extended-state variables (strings only) become the conversation row.
 */
@Component
class ConversationStore implements StateMachinePersist<ConversationState, ConversationEvent, Conversation> {

	private static final TypeReference<LinkedHashMap<String, String>> VARIABLES = new TypeReference<>() {
	};

	private final ConversationRepository conversations;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ConversationStore(ConversationRepository conversations, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.conversations = conversations;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Locks the chat's conversation for this transaction, creating it first if needed. An
	 * existing row is locked directly: inserting over it first would take a shared lock
	 * that deadlocks with a second turn of the same chat. The lock is plain SQL because
	 * Hibernate's MySQL dialect writes {@code FOR UPDATE OF}, which MariaDB rejects.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Conversation lock(ChatAccount account, String language) {
		Long id = lockedId(account);
		if (id == null) {
			this.jdbc.update(
					"INSERT IGNORE INTO conversation (channel, external_user_id, chat_id, state, variables, "
							+ "language, updated_at) VALUES (?, ?, ?, ?, '{}', ?, ?)",
					account.channel().name(), account.externalUserId(), account.chatId(), ConversationState.IDLE.name(),
					language, LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			id = lockedId(account);
		}
		if (id == null) {
			throw new IllegalStateException("Conversation row vanished while locking it");
		}
		Conversation conversation = this.conversations.findById(id).orElseThrow();
		conversation.useChat(account.chatId());
		return conversation;
	}

	private @Nullable Long lockedId(ChatAccount account) {
		List<Long> ids = this.jdbc.queryForList(
				"SELECT id FROM conversation WHERE channel = ? AND external_user_id = ? FOR UPDATE", Long.class,
				account.channel().name(), account.externalUserId());
		return ids.isEmpty() ? null : ids.get(0);
	}

	@Override
	public void write(StateMachineContext<ConversationState, ConversationEvent> context, Conversation conversation) {
		Map<String, String> variables = new LinkedHashMap<>();
		context.getExtendedState()
			.getVariables()
			.forEach((key, value) -> variables.put(key.toString(), value.toString()));
		conversation.remember(context.getState(), this.json.writeValueAsString(variables), this.clock.instant());
	}

	@Override
	public StateMachineContext<ConversationState, ConversationEvent> read(Conversation conversation) {
		ExtendedState extended = new DefaultExtendedState();
		extended.getVariables().putAll(this.json.readValue(conversation.getVariables(), VARIABLES));
		return new DefaultStateMachineContext<>(conversation.getState(), null, null, extended);
	}

}
