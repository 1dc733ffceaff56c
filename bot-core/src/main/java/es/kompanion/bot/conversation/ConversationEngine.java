package es.kompanion.bot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.delivery.InboundDeliveries;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkOutcome;
import es.kompanion.bot.user.LinkedClient;

/**
 * The one entry point of the channels: takes what a client did, runs it through their
 * conversation, and queues the replies. One inbound delivery is one transaction: it is
 * processed once, the conversation row is locked for it, and replies leave only if it
 * commits.
 */
@Service
public class ConversationEngine {

	private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

	private final StateMachineFactory<ConversationState, ConversationEvent> machines;

	private final StateMachinePersister<ConversationState, ConversationEvent, Conversation> persister;

	private final ConversationStore store;

	private final ConversationActions actions;

	private final Replies replies;

	private final InboundDeliveries deliveries;

	private final Clients clients;

	private final Outbox outbox;

	ConversationEngine(StateMachineFactory<ConversationState, ConversationEvent> machines, ConversationStore store,
			ConversationActions actions, Replies replies, InboundDeliveries deliveries, Clients clients,
			Outbox outbox) {
		this.machines = machines;
		this.persister = new DefaultStateMachinePersister<>(store);
		this.store = store;
		this.actions = actions;
		this.replies = replies;
		this.deliveries = deliveries;
		this.clients = clients;
		this.outbox = outbox;
	}

	@Transactional
	public TurnOutcome handle(Inbound inbound) {
		ChatAccount account = inbound.account();
		if (!this.deliveries.claim(account.channel().name(), inbound.deliveryId())) {
			log.debug("Delivery {} from {} seen before; skipped", inbound.deliveryId(), account.channel());
			return TurnOutcome.DUPLICATE;
		}
		Optional<LinkedClient> client = this.clients.findLinked(account.channel(), account.externalUserId());
		String language = client.map(LinkedClient::language).orElseGet(() -> language(inbound.languageCode()));
		Conversation conversation = this.store.lock(account, language);

		List<Reply> answer = client.isPresent() ? converse(inbound, client.get(), conversation)
				: greetStranger(inbound, conversation);

		for (Reply reply : answer) {
			this.outbox.enqueue(account.channel().name(), ClientDelivery.streamKey(account.channel(), account.chatId()),
					new ClientDelivery(account.chatId(), reply));
		}
		return TurnOutcome.HANDLED;
	}

	private List<Reply> converse(Inbound inbound, LinkedClient client, Conversation conversation) {
		conversation.speak(client.language());
		Signal signal = Signal.decode(inbound);
		Turn turn = new Turn(signal, client, Texts.locale(client.language()), inbound.account().channel());
		StateMachine<ConversationState, ConversationEvent> machine = restore(conversation);
		ConversationState before = machine.getState().getId();

		StateMachineEventResult<ConversationState, ConversationEvent> result = machine
			.sendEvent(Mono.just(MessageBuilder.withPayload(signal.event()).setHeader(Turn.HEADER, turn).build()))
			.blockLast();
		if (turn.failure() != null) {
			throw turn.failure();
		}
		ConversationState after = machine.getState().getId();
		log.debug("Conversation {} -> {} on {}", before, after, signal.event());

		boolean accepted = result != null && result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED;
		if (!accepted || (before == after && turn.replies().isEmpty())) {
			turn.say(this.replies.notice(turn.locale(), misunderstanding(signal, inbound)));
			this.actions.prompt(after, turn, variables(machine));
		}
		persist(machine, conversation);
		return turn.replies();
	}

	private List<Reply> greetStranger(Inbound inbound, Conversation conversation) {
		Locale locale = Texts.locale(conversation.getLanguage());
		String token = startToken(inbound.text());
		if (token == null) {
			return List.of(this.replies.notice(locale, "welcome.stranger"));
		}
		LinkOutcome outcome = this.clients.redeemInvitation(token, inbound.account());
		if (outcome.client() == null) {
			return List.of(this.replies.notice(locale, "link.invalid"));
		}
		LinkedClient client = outcome.client();
		conversation.speak(client.language());
		StateMachine<ConversationState, ConversationEvent> fresh = this.machines.getStateMachine();
		fresh.startReactively().block();
		persist(fresh, conversation);
		Locale clientLocale = Texts.locale(client.language());
		return List.of(this.replies.notice(clientLocale, "welcome.linked", firstName(client.fullName())),
				this.replies.menu(clientLocale));
	}

	private StateMachine<ConversationState, ConversationEvent> restore(Conversation conversation) {
		StateMachine<ConversationState, ConversationEvent> machine = this.machines.getStateMachine();
		try {
			return this.persister.restore(machine, conversation);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Conversation could not be restored", ex);
		}
	}

	private void persist(StateMachine<ConversationState, ConversationEvent> machine, Conversation conversation) {
		try {
			this.persister.persist(machine, conversation);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Conversation could not be saved", ex);
		}
		finally {
			machine.stopReactively().block();
		}
	}

	private static String misunderstanding(Signal signal, Inbound inbound) {
		if (signal.event() == ConversationEvent.FILES) {
			return "input.files-unsupported";
		}
		return (inbound.choice() != null) ? "input.stale-button" : "input.not-understood";
	}

	private static Map<String, String> variables(StateMachine<ConversationState, ConversationEvent> machine) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) (Map<?, ?>) machine.getExtendedState().getVariables();
		return variables;
	}

	static @Nullable String startToken(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String[] words = text.strip().split("\\s+");
		if (words.length != 2 || !words[0].toLowerCase(Locale.ROOT).startsWith("/start")) {
			return null;
		}
		return words[1];
	}

	static String language(@Nullable String languageCode) {
		return (languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en")) ? "en" : "es";
	}

	private static String firstName(String fullName) {
		return fullName.strip().split("\\s+")[0];
	}

}
