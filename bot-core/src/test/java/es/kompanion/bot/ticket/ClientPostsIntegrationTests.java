package es.kompanion.bot.ticket;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens to a client's message on a ticket, files included, on the real MariaDB:
 * added, reopening a recently closed ticket, or starting a follow-up; edits, search and
 * the life of an attachment.
 */
@SpringBootTest
@RecordApplicationEvents
class ClientPostsIntegrationTests {

	private static final IncomingFile PHOTO = new IncomingFile("AgACAgQAAxkBAAIB", "photo_31.jpg", "image/jpeg",
			84_211);

	@Autowired
	private Tickets tickets;

	@Autowired
	private Attachments attachments;

	@Autowired
	private Clients clients;

	@Autowired
	private ApplicationEvents events;

	@Test
	void reopensATicketClosedWithinTheWindowWithTheMessage() {
		Client client = client();
		TicketSummary ticket = this.tickets.open(client.getId(), Department.LABOUR, "Alta de un trabajador nuevo",
				Channel.TELEGRAM);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));

		ClientPostOutcome outcome = this.tickets
			.post(ticket.id(), client.getId(), ClientPost.text("Falta el contrato firmado"), Channel.TELEGRAM)
			.orElseThrow();

		assertThat(outcome.kind()).isEqualTo(ClientPostOutcome.Kind.REOPENED);
		assertThat(outcome.ticket().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(this.tickets.messagesOf(ticket.id())).extracting(TicketMessage::getBody)
			.contains("Falta el contrato firmado");
		assertThat(this.events.stream(TicketStatusChanged.class)).anyMatch((e) -> e.ticketId().equals(ticket.id())
				&& e.from() == TicketStatus.CLOSED && e.to() == TicketStatus.OPEN && e.actor().isClient());
	}

	@Test
	void someoneElsesTicketTakesNothing() {
		Client owner = client();
		TicketSummary ticket = this.tickets.open(owner.getId(), Department.OTHER, "Consulta de otra persona",
				Channel.TELEGRAM);

		assertThat(this.tickets.post(ticket.id(), client().getId(), ClientPost.text("Hola"), Channel.TELEGRAM))
			.isEmpty();
		assertThat(this.tickets.messagesOf(ticket.id())).hasSize(1);
	}

	@Test
	void storesFilesAsAttachmentsThatTheChannelFetchesOnce() {
		Client client = client();
		TicketSummary ticket = this.tickets.open(client.getId(), Department.ACCOUNTING_TAX,
				new ClientPost("", List.of(PHOTO), "TELEGRAM:5:31"), Channel.TELEGRAM);

		TicketAttachment attachment = this.attachments.ofTicket(ticket.id()).get(0);
		assertThat(ticket.description()).isEqualTo("📎 photo_31.jpg");
		assertThat(attachment.getStatus()).isEqualTo(AttachmentStatus.PENDING);
		assertThat(attachment.getDirection()).isEqualTo(AttachmentDirection.FROM_CLIENT);
		assertThat(this.events.stream(AttachmentAdded.class)).containsExactly(new AttachmentAdded(attachment.getId(),
				ticket.id(), AttachmentDirection.FROM_CLIENT, Channel.TELEGRAM));

		this.attachments.stored(attachment.getId(), "2026/12/0b7e2f8a-3c55-4a7e-9d3c-111111111111", 84_000);
		this.attachments.stored(attachment.getId(), "2026/12/0b7e2f8a-3c55-4a7e-9d3c-222222222222", 84_000);

		TicketAttachment stored = this.attachments.find(attachment.getId()).orElseThrow();
		assertThat(stored.getStorageKey()).endsWith("111111111111");
		assertThat(stored.getSize()).isEqualTo(84_000);
		assertThat(this.events.stream(AttachmentStored.class)).hasSize(1);
	}

	@Test
	void aFileThatCannotBeFetchedIsRecordedOnTheTicket() {
		Client client = client();
		TicketSummary ticket = this.tickets.open(client.getId(), Department.OTHER, "Te mando el PDF del banco",
				Channel.TELEGRAM);
		ClientPostOutcome outcome = this.tickets
			.post(ticket.id(), client.getId(), new ClientPost("Aquí va", List.of(PHOTO), null), Channel.TELEGRAM)
			.orElseThrow();
		TicketAttachment attachment = this.attachments.ofMessage(outcome.messageId()).get(0);

		this.attachments.failed(attachment.getId(), "file is too big");

		assertThat(this.attachments.find(attachment.getId()).orElseThrow().getStatus())
			.isEqualTo(AttachmentStatus.FAILED);
		assertThat(this.tickets.messagesOf(ticket.id())).extracting(TicketMessage::getBody)
			.contains("file photo_31.jpg could not be fetched: file is too big");
		assertThat(this.events.stream(AttachmentFailed.class)).hasSize(1);
	}

	@Test
	void anEditCorrectsTheStoredTextAndTheDescriptionOfItsOwnerOnly() {
		Client client = client();
		TicketSummary ticket = this.tickets.open(client.getId(), Department.LABOUR,
				new ClientPost("Nómina de febero", List.of(), "TELEGRAM:5:40"), Channel.TELEGRAM);

		assertThat(this.tickets.correctClientMessage(client().getId(), "TELEGRAM:5:40", "Otra cosa")).isFalse();
		assertThat(this.tickets.correctClientMessage(client.getId(), "TELEGRAM:5:40", "Nómina de febrero")).isTrue();

		assertThat(this.tickets.summary(ticket.id()).description()).isEqualTo("Nómina de febrero");
		assertThat(this.tickets.messagesOf(ticket.id())).extracting(TicketMessage::getBody)
			.containsExactly("Nómina de febrero");
	}

	@Test
	void searchFindsTheirOwnTicketsByDescriptionOrConversationButNotByNotes() {
		Client client = client();
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		TicketSummary byDescription = this.tickets.open(client.getId(), Department.OTHER, "Duda sobre " + word,
				Channel.TELEGRAM);
		TicketSummary byReply = this.tickets.open(client.getId(), Department.OTHER, "Otra duda cualquiera",
				Channel.TELEGRAM);
		this.tickets.addStaffReply(byReply.id(), Actor.staff("slack:U1"), "Lo vemos en el " + word.toUpperCase(), null);
		TicketSummary byNote = this.tickets.open(client.getId(), Department.OTHER, "Tercera duda", Channel.TELEGRAM);
		this.tickets.addStaffReply(byNote.id(), new Actor(AuthorType.NOTE, "slack:U1"), "nota " + word, null);
		this.tickets.open(client().getId(), Department.OTHER, "De otro cliente " + word, Channel.TELEGRAM);

		assertThat(this.tickets.searchOwn(client.getId(), word, PageRequest.of(0, 10))).extracting(TicketSummary::id)
			.containsExactly(byReply.id(), byDescription.id());
		assertThat(this.tickets.searchOwn(client.getId(), "100%", PageRequest.of(0, 10))).isEmpty();
		assertThat(this.tickets.searchOwn(client.getId(), "«duda» " + word, PageRequest.of(0, 10)))
			.extracting(TicketSummary::id)
			.containsExactly(byReply.id(), byDescription.id());
		assertThat(this.tickets.searchOwn(client.getId(), word + " cualquiera", PageRequest.of(0, 10)))
			.extracting(TicketSummary::id)
			.containsExactly(byReply.id());
	}

	@Nested
	@TestPropertySource(properties = "kompanion.core.reopen-window=PT0S")
	class AfterTheReopenWindow {

		@Test
		void startsAFollowUpTicketLinkedToTheClosedOne() {
			Client client = client();
			TicketSummary old = ClientPostsIntegrationTests.this.tickets.open(client.getId(), Department.LABOUR,
					"Vacaciones del equipo", Channel.TELEGRAM);
			ClientPostsIntegrationTests.this.tickets.changeStatus(old.id(), TicketStatus.CLOSED,
					Actor.staff("slack:U1"));

			ClientPostOutcome outcome = ClientPostsIntegrationTests.this.tickets
				.post(old.id(), client.getId(), new ClientPost("Y las de agosto?", List.of(PHOTO), null),
						Channel.TELEGRAM)
				.orElseThrow();

			TicketSummary followUp = outcome.ticket();
			assertThat(outcome.kind()).isEqualTo(ClientPostOutcome.Kind.FOLLOW_UP);
			assertThat(followUp.id()).isNotEqualTo(old.id());
			assertThat(followUp.number()).isGreaterThan(old.number());
			assertThat(followUp.department()).isEqualTo(Department.LABOUR);
			assertThat(followUp.description()).isEqualTo("Y las de agosto?");
			assertThat(ClientPostsIntegrationTests.this.tickets.previousOf(followUp.id())).map(TicketSummary::id)
				.contains(old.id());
			assertThat(ClientPostsIntegrationTests.this.tickets.summary(old.id()).status())
				.isEqualTo(TicketStatus.CLOSED);
			assertThat(ClientPostsIntegrationTests.this.tickets.messagesOf(followUp.id()))
				.extracting(TicketMessage::getBody)
				.containsExactly("follow-up of " + old.label(), "Y las de agosto?");
			assertThat(ClientPostsIntegrationTests.this.attachments.ofTicket(followUp.id())).hasSize(1);

			ClientPostOutcome again = ClientPostsIntegrationTests.this.tickets
				.post(old.id(), client.getId(), ClientPost.text("Y las de septiembre"), Channel.TELEGRAM)
				.orElseThrow();
			assertThat(again.ticket().id()).isEqualTo(followUp.id());
			assertThat(again.kind()).isEqualTo(ClientPostOutcome.Kind.ADDED);
		}

	}

	private Client client() {
		return this.clients.register(UUID.randomUUID() + "@example.test", "Lucía Prieto", null, "es");
	}

}
