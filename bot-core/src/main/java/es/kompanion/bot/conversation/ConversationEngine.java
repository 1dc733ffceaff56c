package es.kompanion.bot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.delivery.InboundDeliveries;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Clients;
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

	private static final int MAX_ATTEMPTS = 3;

	private final TransactionTemplate transactions;

	private final ConversationRunner runner;

	private final ConversationStore store;

	private final Replies replies;

	private final InboundDeliveries deliveries;

	private final Clients clients;

	private final Outbox outbox;

	private final Tickets tickets;

	private final AccountLinking linking;

	ConversationEngine(ConversationRunner runner, ConversationStore store, Replies replies,
			InboundDeliveries deliveries, Clients clients, Outbox outbox, Tickets tickets, AccountLinking linking,
			PlatformTransactionManager transactions) {
		this.tickets = tickets;
		this.linking = linking;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.runner = runner;
		this.store = store;
		this.replies = replies;
		this.deliveries = deliveries;
		this.clients = clients;
		this.outbox = outbox;
	}

	/**
	 * Handles one inbound delivery in its own transaction, trying again a few times if
	 * the database picked it as the loser of a deadlock.
	 */
	public TurnOutcome handle(Inbound inbound) {
		for (int attempt = 1;; attempt++) {
			try {
				TurnOutcome outcome = this.transactions.execute((status) -> handleOnce(inbound));
				if (outcome == null) {
					throw new IllegalStateException("Turn ended without an outcome");
				}
				return outcome;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= MAX_ATTEMPTS) {
					throw ex;
				}
				log.debug("Delivery {} lost a lock race; attempt {}", inbound.deliveryId(), attempt + 1);
				pause(attempt);
			}
		}
	}

	/**
	 * The client edited a message they sent earlier: if it is stored on a ticket, the
	 * stored text follows the edit. Nothing is sent to anybody, and a message that was
	 * never stored (a button press, a draft step) is left alone.
	 * @param messageRef the platform's id of the edited message within the chat
	 */
	public TurnOutcome edit(ChatAccount account, String deliveryId, String messageRef, String text) {
		TurnOutcome outcome = this.transactions.execute((status) -> {
			if (!this.deliveries.claim(account.channel().name(), deliveryId)) {
				return TurnOutcome.DUPLICATE;
			}
			this.clients.findLinked(account.channel(), account.externalUserId())
				.ifPresent((client) -> this.tickets.correctClientMessage(client.clientId(),
						externalRef(account, messageRef), text));
			return TurnOutcome.HANDLED;
		});
		return (outcome != null) ? outcome : TurnOutcome.HANDLED;
	}

	/**
	 * Claims a delivery that does not go through a conversation, such as a message in a
	 * group that only gets a short note, so that a repeated delivery is answered once.
	 * @return {@code true} the first time the delivery is seen
	 */
	public boolean firstDelivery(Channel channel, String deliveryId) {
		return Boolean.TRUE
			.equals(this.transactions.execute((status) -> this.deliveries.claim(channel.name(), deliveryId)));
	}

	/**
	 * How a client's chat message is named on the ticket message that holds it.
	 */
	static String externalRef(ChatAccount account, String messageRef) {
		return account.channel().name() + ":" + account.chatId() + ":" + messageRef;
	}

	private TurnOutcome handleOnce(Inbound inbound) {
		ChatAccount account = inbound.account();
		if (!this.deliveries.claim(account.channel().name(), inbound.deliveryId())) {
			log.debug("Delivery {} from {} seen before; skipped", inbound.deliveryId(), account.channel());
			return TurnOutcome.DUPLICATE;
		}
		Conversation conversation = this.store.lock(account, language(inbound.languageCode()));
		Optional<LinkedClient> client = this.clients.findLinked(account.channel(), account.externalUserId());

		List<Reply> answer;
		if (client.isPresent()) {
			conversation.speak(client.get().language());
			answer = this.runner.run(inbound, client.get(), conversation);
		}
		else if (this.clients.isLinkedToInactive(account.channel(), account.externalUserId())) {
			answer = List.of(this.replies.notice(Texts.locale(conversation.getLanguage()), "account.inactive"));
		}
		else {
			answer = this.linking.greet(inbound, conversation);
		}

		for (Reply reply : answer) {
			this.outbox.enqueue(account.channel().name(), ClientDelivery.streamKey(account.channel(), account.chatId()),
					new ClientDelivery(account.chatId(), reply));
		}
		return TurnOutcome.HANDLED;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to try again", ex);
		}
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

}
