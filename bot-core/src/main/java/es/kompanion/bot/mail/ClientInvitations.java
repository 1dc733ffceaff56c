package es.kompanion.bot.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientNotFoundException;
import es.kompanion.bot.user.Clients;

/**
 * Sends clients their invitation by email: a Telegram deep link that links their chat
 * account in one tap.
 */
@Service
public class ClientInvitations {

	private static final Logger log = LoggerFactory.getLogger(ClientInvitations.class);

	private final Clients clients;

	private final Mailer mailer;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final @Nullable String botUsername;

	private final long validityDays;

	ClientInvitations(Clients clients, Mailer mailer, JdbcTemplate jdbc, Clock clock, MailProperties mail,
			CoreProperties core) {
		this.clients = clients;
		this.mailer = mailer;
		this.jdbc = jdbc;
		this.clock = clock;
		this.botUsername = mail.botUsername();
		this.validityDays = core.invitationValidity().toDays();
	}

	/**
	 * Issues a new invitation for the client and queues its email; earlier invitations
	 * stay valid until used or expired.
	 * @throws ClientNotFoundException if there is no such client
	 */
	@Transactional
	public InvitationMailOutcome send(Long clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
		InvitationMailOutcome refusal = refusal(client);
		if (refusal != null) {
			log.debug("Invitation email for client {} refused: {}", clientId, refusal);
			return refusal;
		}

		String token = this.clients.issueInvitation(clientId);
		String link = "https://t.me/" + this.botUsername + "?start=" + token;
		this.mailer.send(client.getEmail(), "invitation", Mailer.locale(client.getLanguage()),
				Map.of("name", client.getFullName(), "link", link, "days", this.validityDays));
		this.jdbc.update("INSERT INTO invitation_mail (client_id, queued_at) VALUES (?, ?)", clientId,
				LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));

		log.info("Invitation email queued for client {}", clientId);
		return InvitationMailOutcome.QUEUED;
	}

	/**
	 * When the client's invitation was last emailed.
	 * @return empty if it never was
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> lastSent(Long clientId) {
		List<LocalDateTime> last = this.jdbc.queryForList(
				"SELECT MAX(queued_at) FROM invitation_mail WHERE client_id = ?", LocalDateTime.class, clientId);
		return last.stream().filter((time) -> time != null).findFirst().map((time) -> time.toInstant(ZoneOffset.UTC));
	}

	private @Nullable InvitationMailOutcome refusal(Client client) {
		if (!client.isActive()) {
			return InvitationMailOutcome.INACTIVE;
		}
		if (!Mailer.canReach(client.getEmail())) {
			return InvitationMailOutcome.NO_EMAIL;
		}
		if (!this.mailer.isEnabled()) {
			return InvitationMailOutcome.MAIL_OFF;
		}
		if (this.botUsername == null) {
			return InvitationMailOutcome.NO_BOT_USERNAME;
		}
		return null;
	}

}
