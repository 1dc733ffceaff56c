package es.kompanion.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import org.springframework.stereotype.Component;

import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.ticket.IncomingFile;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.LinkedClient;

/**
 * Runs one input through a conversation's machine: restores it from the conversation,
 * sends the event, answers input the current step does not take with that step's prompt,
 * and stores the machine back. This is the only class that touches Spring Statemachine at
 * run time.
 */
@Component
class ConversationRunner {

	private static final Logger log = LoggerFactory.getLogger(ConversationRunner.class);

	private final StateMachineFactory<ConversationState, ConversationEvent> machines;

	private final StateMachinePersister<ConversationState, ConversationEvent, Conversation> persister;

	private final ConversationActions actions;

	private final Replies replies;

	private final Duration expiry;

	private final Clock clock;

	private final InboundFiles files;

	private final Albums albums;

	private final SentMessages sentMessages;

	private final Tickets tickets;

	ConversationRunner(StateMachineFactory<ConversationState, ConversationEvent> machines, ConversationStore store,
			ConversationActions actions, Replies replies, CoreProperties properties, Clock clock, InboundFiles files,
			Albums albums, SentMessages sentMessages, Tickets tickets) {
		this.sentMessages = sentMessages;
		this.tickets = tickets;
		this.files = files;
		this.albums = albums;
		this.expiry = properties.conversationExpiry();
		this.clock = clock;
		this.machines = machines;
		this.persister = new DefaultStateMachinePersister<>(store);
		this.actions = actions;
		this.replies = replies;
	}

	List<Reply> run(Inbound inbound, LinkedClient client, Conversation conversation) {
		Locale locale = Texts.locale(client.language());
		List<Reply> notices = new ArrayList<>();
		List<IncomingFile> files = this.files.accept(inbound, locale, notices);
		Inbound taken = (files.size() == inbound.files().size()) ? inbound : withoutRefused(inbound, files);
		Long quoted = (taken.replyToRef() != null) ? quotedTicket(taken, client).orElse(null) : null;
		if (taken.replyToRef() != null && quoted == null) {
			// A reply to a message that is about no ticket of theirs is just a message.
			taken = new Inbound(taken.account(), taken.deliveryId(), taken.languageCode(), taken.text(), taken.choice(),
					taken.files(), taken.messageRef(), null, taken.mediaGroupId());
		}
		Signal signal = Signal.decode(taken);
		if (signal.event() == ConversationEvent.QUOTED_REPLY) {
			// From here on the reply names the ticket it was found to belong to.
			signal = new Signal(ConversationEvent.QUOTED_REPLY, String.valueOf(quoted), signal.text());
		}
		Turn turn = new Turn(signal, client, locale, taken, files);
		notices.forEach(turn::say);
		if (hasExpired(conversation)) {
			log.debug("Conversation left in {} expired", conversation.getState());
			reset(conversation);
			turn.say(this.replies.notice(turn.locale(), "flow.expired"));
		}
		StateMachine<ConversationState, ConversationEvent> machine = restore(conversation);
		try {
			if (this.albums.join(turn, variables(machine)) || (signal.event() == ConversationEvent.UNKNOWN
					&& inbound.choice() == null && !notices.isEmpty())) {
				// The rest of an album, or only refused files: nothing for the machine.
				ConversationState step = machine.getState().getId();
				if (!notices.isEmpty() && step != ConversationState.IDLE) {
					this.actions.prompt(step, turn, variables(machine));
				}
				this.persister.persist(machine, conversation);
				return turn.replies();
			}
			ConversationState before = machine.getState().getId();
			StateMachineEventResult<ConversationState, ConversationEvent> result = machine
				.sendEvent(Mono.just(MessageBuilder.withPayload(signal.event()).setHeader(Turn.HEADER, turn).build()))
				.blockLast();
			if (turn.failure() != null) {
				throw turn.failure();
			}
			ConversationState after = machine.getState().getId();
			log.debug("Conversation moved {} -> {} on {}", before, after, signal.event());
			this.albums.remember(turn, after, variables(machine));

			boolean accepted = result != null && result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED;
			if (!accepted || (before == after && turn.replies().isEmpty())) {
				if (after == ConversationState.IDLE && inbound.choice() != null) {
					// An old button with nothing under way: one short message, not the
					// whole menu again.
					turn.say(this.replies.withMenu(turn.locale(), misunderstanding(signal, inbound)));
				}
				else {
					turn.say(this.replies.notice(turn.locale(), misunderstanding(signal, inbound)));
					this.actions.prompt(after, turn, variables(machine));
				}
			}
			this.persister.persist(machine, conversation);
			return turn.replies();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Conversation could not be saved", ex);
		}
		finally {
			machine.stopReactively().block();
		}
	}

	/**
	 * The client's own ticket that the message they replied to belongs to: a bot message
	 * sent about it, or one of their own messages stored on it.
	 */
	private Optional<Long> quotedTicket(Inbound inbound, LinkedClient client) {
		ChatAccount account = inbound.account();
		String quotedRef = String.valueOf(inbound.replyToRef());
		Optional<Long> ticketId = this.sentMessages.ticketOf(account.channel(), account.chatId(), quotedRef)
			.or(() -> this.tickets.ticketOfClientMessage(client.clientId(),
					ConversationEngine.externalRef(account, quotedRef)));
		return ticketId.flatMap((id) -> this.tickets.findOwned(id, client.clientId())).map(TicketSummary::id);
	}

	private static Inbound withoutRefused(Inbound inbound, List<IncomingFile> accepted) {
		List<InboundFile> kept = inbound.files()
			.stream()
			.filter((file) -> accepted.stream().anyMatch((a) -> a.sourceRef().equals(file.ref())))
			.toList();
		return new Inbound(inbound.account(), inbound.deliveryId(), inbound.languageCode(), inbound.text(),
				inbound.choice(), kept, inbound.messageRef(), inbound.replyToRef(), inbound.mediaGroupId());
	}

	private boolean hasExpired(Conversation conversation) {
		return conversation.getState() != ConversationState.IDLE
				&& conversation.getUpdatedAt().plus(this.expiry).isBefore(this.clock.instant());
	}

	/**
	 * Puts the conversation back at the start, with no draft.
	 */
	void reset(Conversation conversation) {
		StateMachine<ConversationState, ConversationEvent> machine = this.machines.getStateMachine();
		try {
			machine.startReactively().block();
			this.persister.persist(machine, conversation);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Conversation could not be saved", ex);
		}
		finally {
			machine.stopReactively().block();
		}
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

	private static String misunderstanding(Signal signal, Inbound inbound) {
		if (signal.event() == ConversationEvent.FILES) {
			return "files.not-here";
		}
		return (inbound.choice() != null) ? "input.stale-button" : "input.not-understood";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> variables(StateMachine<ConversationState, ConversationEvent> machine) {
		return (Map<String, String>) (Map<?, ?>) machine.getExtendedState().getVariables();
	}

}
