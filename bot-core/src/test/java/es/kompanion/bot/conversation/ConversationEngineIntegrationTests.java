package es.kompanion.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several inputs of one chat at the same moment, as a double tap or a webhook retry
 * produces them, on the real MariaDB: each turn starts from the state the previous one
 * left, so a draft becomes one ticket and the other taps find their button gone.
 */
@SpringBootTest
class ConversationEngineIntegrationTests {

	private static final int TAPS = 4;

	@Autowired
	private ConversationEngine engine;

	@Autowired
	private Clients clients;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aDoubleTappedConfirmOpensOneTicket() throws Exception {
		ChatAccount account = linkedAccount();
		handle(Inbound.choice(account, next(), "es", Signal.NEW_TICKET));
		handle(Inbound.choice(account, next(), "es", "d:1"));
		handle(Inbound.text(account, next(), "es", "Necesito el certificado de retenciones de 2026"));

		List<TurnOutcome> outcomes = tapTogether(account, Signal.CONFIRM);

		assertThat(outcomes).containsOnly(TurnOutcome.HANDLED).hasSize(TAPS);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ticket t JOIN chat_identity i "
						+ "ON i.client_id = t.client_id WHERE i.external_user_id = ?",
				Integer.class, account.externalUserId()))
			.isEqualTo(1);
		assertThat(repliesTo(account, "creada")).isEqualTo(1);
		assertThat(repliesTo(account, "Ese botón ya no está activo")).isEqualTo(TAPS - 1);
	}

	@Test
	void aNewChatWritingSeveralTimesAtOnceGetsOneConversation() throws Exception {
		ChatAccount stranger = new ChatAccount(Channel.TELEGRAM, uniqueId(), uniqueId(), "Eva");

		List<TurnOutcome> outcomes = tapTogether(stranger, Signal.MENU);

		assertThat(outcomes).containsOnly(TurnOutcome.HANDLED).hasSize(TAPS);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM conversation WHERE external_user_id = ?",
				Integer.class, stranger.externalUserId()))
			.isEqualTo(1);
	}

	@Test
	void buttonsForSomebodyElsesTicketAreAnsweredAsStale() {
		ChatAccount owner = linkedAccount();
		handle(Inbound.choice(owner, next(), "es", Signal.NEW_TICKET));
		handle(Inbound.choice(owner, next(), "es", "d:0"));
		handle(Inbound.text(owner, next(), "es", "Mi consulta privada sobre el IVA trimestral"));
		handle(Inbound.choice(owner, next(), "es", Signal.CONFIRM));
		Long ticketId = this.jdbc.queryForObject(
				"SELECT t.id FROM ticket t JOIN chat_identity i "
						+ "ON i.client_id = t.client_id WHERE i.external_user_id = ?",
				Long.class, owner.externalUserId());
		ChatAccount intruder = linkedAccount();

		handle(Inbound.choice(intruder, next(), "es", Signal.replyTo(ticketId)));
		handle(Inbound.choice(intruder, next(), "es", Signal.rate(ticketId, 1)));
		handle(Inbound.choice(intruder, next(), "es", Signal.addTo(ticketId)));

		assertThat(repliesTo(intruder, "Ese botón ya no está activo")).isEqualTo(2);
		assertThat(repliesTo(intruder, "no se puede valorar")).isEqualTo(1);
		assertThat(repliesTo(intruder, "IVA trimestral")).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM survey WHERE ticket_id = ?", Integer.class, ticketId))
			.isZero();
	}

	private List<TurnOutcome> tapTogether(ChatAccount account, String action) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(TAPS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<TurnOutcome>> taps = new ArrayList<>();
		for (int i = 0; i < TAPS; i++) {
			Inbound tap = Inbound.choice(account, next(), "es", action);
			taps.add(pool.submit(() -> {
				start.await();
				return this.engine.handle(tap);
			}));
		}
		start.countDown();
		List<TurnOutcome> outcomes = new ArrayList<>();
		for (Future<TurnOutcome> tap : taps) {
			outcomes.add(tap.get(30, TimeUnit.SECONDS));
		}
		pool.shutdown();
		return outcomes;
	}

	private ChatAccount linkedAccount() {
		Client client = this.clients.register(uniqueId() + "@example.com", "Ana Pérez", "Pérez SL", "es");
		String userId = uniqueId();
		ChatAccount account = new ChatAccount(Channel.TELEGRAM, userId, userId, "Ana");
		handle(Inbound.text(account, next(), "es", "/start " + this.clients.issueInvitation(client.getId())));
		return account;
	}

	private void handle(Inbound inbound) {
		assertThat(this.engine.handle(inbound)).isEqualTo(TurnOutcome.HANDLED);
	}

	private int repliesTo(ChatAccount account, String fragment) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE stream_key = ? AND payload LIKE ?",
				Integer.class, ClientDelivery.streamKey(account.channel(), account.chatId()), "%" + fragment + "%");
	}

	private static String next() {
		return uniqueId();
	}

	private static String uniqueId() {
		return UUID.randomUUID().toString().substring(0, 12);
	}

}
