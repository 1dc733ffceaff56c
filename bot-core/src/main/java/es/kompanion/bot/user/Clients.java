package es.kompanion.bot.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import es.kompanion.bot.CoreProperties;

/**
 * Registers clients, keeps their details and links their chat accounts.
 */
@Service
public class Clients {

	private static final Logger log = LoggerFactory.getLogger(Clients.class);

	private static final int TOKEN_BYTES = 24;

	private final ClientRepository clients;

	private final ChatIdentityRepository identities;

	private final InvitationRepository invitations;

	private final Duration invitationValidity;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Clients(ClientRepository clients, ChatIdentityRepository identities, InvitationRepository invitations,
			CoreProperties properties, Clock clock) {
		this.clients = clients;
		this.identities = identities;
		this.invitations = invitations;
		this.invitationValidity = properties.invitationValidity();
		this.clock = clock;
	}

	@Transactional
	public Client register(String email, String fullName, @Nullable String company, String language) {
		Client client = this.clients.save(new Client(email, fullName, company, language));
		log.info("Client {} registered", client.getId());
		return client;
	}

	/**
	 * Registers a client with all their details.
	 * @throws EmailInUseException if another client has the email
	 * @throws IllegalArgumentException if a detail breaks {@link ClientDetails}' rules
	 */
	@Transactional
	public Client register(ClientDetails details) {
		ClientDetails clean = ClientDetails.checked(details);
		if (this.clients.findByEmail(clean.email()).isPresent()) {
			throw new EmailInUseException("client");
		}
		Client client = new Client(clean.email(), clean.fullName(), clean.company(), clean.language());
		client.useLinks(clean.documentsUrl(), clean.holdedUrl());
		this.clients.saveAndFlush(client);
		log.info("Client {} registered", client.getId());
		return client;
	}

	/**
	 * Replaces the client's details.
	 * @throws EmailInUseException if another client has the new email
	 * @throws ClientNotFoundException if there is no such client
	 */
	@Transactional
	public Client update(Long clientId, ClientDetails details) {
		ClientDetails clean = ClientDetails.checked(details);
		Client client = load(clientId);
		if (this.clients.findByEmail(clean.email()).filter((other) -> !other.getId().equals(clientId)).isPresent()) {
			throw new EmailInUseException("client");
		}
		client.describe(clean.email(), clean.fullName(), clean.company(), clean.language());
		client.useLinks(clean.documentsUrl(), clean.holdedUrl());
		this.clients.saveAndFlush(client);
		log.info("Client {} updated", clientId);
		return client;
	}

	/**
	 * Stops the client from using the bot; their tickets and linked chat accounts stay,
	 * and {@link #reactivate(Long)} lets them back in.
	 */
	@Transactional
	public Client deactivate(Long clientId) {
		Client client = load(clientId);
		client.deactivate();
		log.info("Client {} deactivated", clientId);
		return client;
	}

	@Transactional
	public Client reactivate(Long clientId) {
		Client client = load(clientId);
		client.reactivate();
		log.info("Client {} reactivated", clientId);
		return client;
	}

	/**
	 * Unlinks one of the client's chat accounts: messages from it are treated as from a
	 * stranger again, until it is linked anew.
	 * @return the identity that was removed
	 * @throws IllegalArgumentException if the identity is not one of the client's
	 */
	@Transactional
	public ChatIdentity unlinkIdentity(Long clientId, Long identityId) {
		ChatIdentity identity = this.identities.findById(identityId)
			.filter((candidate) -> candidate.getClientId().equals(clientId))
			.orElseThrow(() -> new IllegalArgumentException("No identity " + identityId + " of client " + clientId));
		this.identities.delete(identity);
		log.info("Client {} unlinked {} identity {}", clientId, identity.getChannel(), identityId);
		return identity;
	}

	@Transactional(readOnly = true)
	public Optional<Client> find(Long clientId) {
		return this.clients.findById(clientId);
	}

	@Transactional(readOnly = true)
	public Optional<Client> findByEmail(String email) {
		return this.clients.findByEmail(Client.normalizeEmail(email));
	}

	/**
	 * Clients whose name, email or company contains the text, ignoring case, in the order
	 * the page asks for.
	 * @param text the text to look for; blank for all clients
	 * @param active only active or only inactive clients; {@code null} for both
	 */
	@Transactional(readOnly = true)
	public Page<Client> search(@Nullable String text, @Nullable Boolean active, Pageable page) {
		String pattern = StringUtils.hasText(text) ? "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%"
				: null;
		return this.clients.search(pattern, active, page);
	}

	/**
	 * Issues a new invitation for the client.
	 * @return the raw token, to be put in a deep link; it is not stored and cannot be
	 * read back
	 */
	@Transactional
	public String issueInvitation(Long clientId) {
		Client client = load(clientId);
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		// Only the newest invitation works: a resent link replaces the one before.
		this.invitations.retireOpen(client.getId(), now);
		this.invitations.save(new Invitation(client.getId(), hash(token), now, now.plus(this.invitationValidity)));
		log.info("Invitation issued for client {}", clientId);
		return token;
	}

	/**
	 * The client picked the language the bot speaks to them in, {@code es} or {@code en}.
	 */
	@Transactional
	public LinkedClient changeLanguage(Long clientId, String language) {
		Client client = this.clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
		client.speak(language);
		return LinkedClient.of(client);
	}

	/**
	 * Whether the chat account is linked to a client who has been deactivated.
	 */
	@Transactional(readOnly = true)
	public boolean isLinkedToInactive(Channel channel, String externalUserId) {
		return this.identities.findByChannelAndExternalUserId(channel, externalUserId)
			.flatMap((identity) -> this.clients.findById(identity.getClientId()))
			.filter((client) -> !client.isActive())
			.isPresent();
	}

	@Transactional(readOnly = true)
	public Optional<LinkedClient> findLinked(Channel channel, String externalUserId) {
		return this.identities.findByChannelAndExternalUserId(channel, externalUserId)
			.flatMap((identity) -> this.clients.findById(identity.getClientId()))
			.filter(Client::isActive)
			.map(LinkedClient::of);
	}

	/**
	 * Links the chat account to the client the token was issued for, once.
	 */
	@Transactional
	public LinkOutcome redeemInvitation(String token, ChatAccount account) {
		Optional<LinkedClient> linked = findLinked(account.channel(), account.externalUserId());
		if (linked.isPresent()) {
			return new LinkOutcome(LinkOutcome.Result.ALREADY_LINKED, linked.get());
		}
		String tokenHash = hash(token.strip());
		if (this.invitations.markUsed(tokenHash, this.clock.instant()) == 0) {
			log.debug("Invitation rejected for a {} account", account.channel());
			return new LinkOutcome(LinkOutcome.Result.INVALID, null);
		}
		Invitation invitation = this.invitations.findByTokenHash(tokenHash).orElseThrow();
		Client client = this.clients.findById(invitation.getClientId()).orElseThrow();
		if (!client.isActive()) {
			return new LinkOutcome(LinkOutcome.Result.INVALID, null);
		}
		this.identities.findByChannelAndExternalUserId(account.channel(), account.externalUserId())
			.ifPresent(this.identities::delete);
		this.identities.flush();
		ChatIdentity identity = this.identities.save(new ChatIdentity(client.getId(), account));
		log.info("Client {} linked {} identity {}", client.getId(), account.channel(), identity.getId());
		return new LinkOutcome(LinkOutcome.Result.LINKED, LinkedClient.of(client));
	}

	/**
	 * Links a chat account to a client without an invitation: once the client proved the
	 * email is theirs with a code, or for accounts the firm controls itself, such as a
	 * staff member's web chat with a test client. Any earlier link of the account goes.
	 */
	@Transactional
	public LinkedClient linkDirectly(Long clientId, ChatAccount account) {
		Client client = load(clientId);
		this.identities.findByChannelAndExternalUserId(account.channel(), account.externalUserId())
			.ifPresent(this.identities::delete);
		this.identities.flush();
		this.identities.save(new ChatIdentity(client.getId(), account));
		log.info("Client {} linked {} account directly", client.getId(), account.channel());
		return LinkedClient.of(client);
	}

	/**
	 * The chat identities through which the client can be reached, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<ChatIdentity> identitiesOf(Long clientId) {
		return this.identities.findByClientIdOrderById(clientId);
	}

	private Client load(Long clientId) {
		return this.clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
	}

	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
