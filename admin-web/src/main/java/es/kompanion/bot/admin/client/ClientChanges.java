package es.kompanion.bot.admin.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import es.kompanion.bot.admin.security.CurrentStaff;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.mail.ClientInvitations;
import es.kompanion.bot.mail.InvitationMailOutcome;
import es.kompanion.bot.user.ChatIdentity;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientDetails;
import es.kompanion.bot.user.Clients;

/**
 * Every change staff make to clients, each stored together with its audit entry or not at
 * all. Audit details name what changed, never the values.
 */
@Service
class ClientChanges {

	private final Clients clients;

	private final AuditLog audit;

	private final CurrentStaff current;

	private final ClientInvitations invitations;

	ClientChanges(Clients clients, AuditLog audit, CurrentStaff current, ClientInvitations invitations) {
		this.clients = clients;
		this.audit = audit;
		this.current = current;
		this.invitations = invitations;
	}

	@Transactional
	Client create(ClientDetails details) {
		Client client = this.clients.register(details);
		record("client.created", client, "alta desde el formulario");
		return client;
	}

	@Transactional
	Client update(Long clientId, ClientDetails details) {
		ClientForm before = this.clients.find(clientId).map(ClientForm::of).orElse(ClientForm.empty());
		Client client = this.clients.update(clientId, details);
		record("client.updated", client, "cambia: " + changedFields(before, ClientForm.of(client)));
		return client;
	}

	@Transactional
	Client deactivate(Long clientId) {
		Client client = this.clients.deactivate(clientId);
		record("client.deactivated", client, null);
		return client;
	}

	@Transactional
	Client reactivate(Long clientId) {
		Client client = this.clients.reactivate(clientId);
		record("client.reactivated", client, null);
		return client;
	}

	@Transactional
	ChatIdentity unlink(Long clientId, Long identityId) {
		ChatIdentity identity = this.clients.unlinkIdentity(clientId, identityId);
		this.audit.record(this.current.email(), "client.identity-unlinked", "client:" + clientId,
				identity.getChannel() + ", identidad " + identityId);
		return identity;
	}

	/**
	 * Issues a new invitation; earlier ones stay valid until used or expired.
	 * @return the raw token, never stored nor audited
	 */
	@Transactional
	String issueInvitation(Long clientId) {
		String token = this.clients.issueInvitation(clientId);
		this.audit.record(this.current.email(), "client.invitation-issued", "client:" + clientId, null);
		return token;
	}

	/**
	 * Issues a new invitation and emails it to the client; only an email that was queued
	 * is audited.
	 */
	@Transactional
	InvitationMailOutcome emailInvitation(Long clientId) {
		InvitationMailOutcome outcome = this.invitations.send(clientId);
		if (outcome == InvitationMailOutcome.QUEUED) {
			this.audit.record(this.current.email(), "client.invitation-emailed", "client:" + clientId, null);
		}
		return outcome;
	}

	/**
	 * When the client's invitation was last emailed, if ever.
	 */
	Optional<Instant> invitationEmailedAt(Long clientId) {
		return this.invitations.lastSent(clientId);
	}

	/**
	 * Creates the row's client, or updates the one with its email; a blank optional cell
	 * keeps what is stored.
	 * @return whether the client was created rather than updated
	 */
	@Transactional
	boolean importRow(ClientForm row, int rowNumber) {
		ClientDetails details = row.toDetails();
		Optional<Client> existing = this.clients.findByEmail(details.email());
		if (existing.isEmpty()) {
			Client client = this.clients.register(details);
			record("client.created", client, "importación CSV, fila " + rowNumber);
			return true;
		}
		Client stored = existing.get();
		ClientDetails merged = new ClientDetails(details.email(), details.fullName(),
				keepIfBlank(row.company(), stored.getCompany()),
				row.hasLanguage() ? details.language() : stored.getLanguage(),
				keepIfBlank(row.documentsUrl(), stored.getDocumentsUrl()),
				keepIfBlank(row.holdedUrl(), stored.getHoldedUrl()));
		ClientForm before = ClientForm.of(stored);
		Client client = this.clients.update(stored.getId(), merged);
		record("client.updated", client,
				"importación CSV, fila " + rowNumber + "; cambia: " + changedFields(before, ClientForm.of(client)));
		return false;
	}

	@Transactional
	void recordImport(long created, long updated, long errors) {
		this.audit.record(this.current.email(), "client.imported", "clients",
				"creados " + created + ", actualizados " + updated + ", filas con error " + errors);
	}

	private void record(String action, Client client, @Nullable String details) {
		this.audit.record(this.current.email(), action, "client:" + client.getId(), details);
	}

	private static String changedFields(ClientForm before, ClientForm after) {
		List<String> fields = new ArrayList<>();
		addIfChanged(fields, "email", before.email(), after.email());
		addIfChanged(fields, "nombre", before.fullName(), after.fullName());
		addIfChanged(fields, "empresa", before.company(), after.company());
		addIfChanged(fields, "idioma", before.language(), after.language());
		addIfChanged(fields, "carpeta", before.documentsUrl(), after.documentsUrl());
		addIfChanged(fields, "holded", before.holdedUrl(), after.holdedUrl());
		return fields.isEmpty() ? "nada" : String.join(", ", fields);
	}

	private static @Nullable String keepIfBlank(@Nullable String value, @Nullable String stored) {
		return StringUtils.hasText(value) ? value : stored;
	}

	private static void addIfChanged(List<String> fields, String name, @Nullable Object before,
			@Nullable Object after) {
		if (!Objects.equals(before, after)) {
			fields.add(name);
		}
	}

}
