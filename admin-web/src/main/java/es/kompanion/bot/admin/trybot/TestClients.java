package es.kompanion.bot.admin.trybot;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientRepository;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkedClient;
import es.kompanion.bot.user.Staff;

/**
 * Gives each staff member a test client of their own, linked to their web chat on first
 * use and greeted by the bot with its menu.
 */
@Service
class TestClients {

	private static final Logger log = LoggerFactory.getLogger(TestClients.class);

	static final String COMPANY = "Kompanion (pruebas)";

	private final Clients clients;

	private final ClientRepository clientRepository;

	private final ConversationEngine engine;

	private final AuditLog audit;

	TestClients(Clients clients, ClientRepository clientRepository, ConversationEngine engine, AuditLog audit) {
		this.clients = clients;
		this.clientRepository = clientRepository;
		this.engine = engine;
		this.audit = audit;
	}

	/**
	 * The staff member's web chat account; its test client is registered and linked first
	 * if need be.
	 */
	TestChat chatOf(Staff staff, Locale locale) {
		ChatAccount account = account(staff);
		LinkedClient linked = this.clients.findLinked(Channel.WEB, account.externalUserId()).orElse(null);
		if (linked != null) {
			return new TestChat(account, linked.clientId(), linked.fullName());
		}

		Client client = findOrRegister(staff, locale);
		try {
			this.clients.linkDirectly(client.getId(), account);
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Web chat of staff {} was linked at the same moment elsewhere", staff.getId());
			return new TestChat(account, client.getId(), client.getFullName());
		}

		log.info("Test client {} linked to the web chat of staff {}", client.getId(), staff.getId());
		this.engine.handle(Inbound.text(account, TryBotController.newDeliveryId(), client.getLanguage(), "/menu"));
		return new TestChat(account, client.getId(), client.getFullName());
	}

	static ChatAccount account(Staff staff) {
		String id = "staff-" + staff.getId();
		return new ChatAccount(Channel.WEB, id, id, clientName(staff));
	}

	private static String clientName(Staff staff) {
		return "Prueba · " + staff.getFullName();
	}

	private Client findOrRegister(Staff staff, Locale locale) {
		String email = "prueba+staff" + staff.getId() + "@kompanion.invalid";
		return this.clientRepository.findByEmail(email).orElseGet(() -> {
			try {
				Client client = this.clients.register(email, clientName(staff), COMPANY, language(locale));
				this.audit.record(staff.getEmail(), "client.test-client-created", "client:" + client.getId(), null);
				return client;
			}
			catch (DataIntegrityViolationException ex) {
				return this.clientRepository.findByEmail(email).orElseThrow(() -> ex);
			}
		});
	}

	static String language(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "es";
	}

	/**
	 * A staff member's web chat and the test client it speaks as.
	 */
	record TestChat(ChatAccount account, Long clientId, String clientName) {

	}

}
