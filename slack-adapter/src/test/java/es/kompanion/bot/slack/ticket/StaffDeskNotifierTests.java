package es.kompanion.bot.slack.ticket;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.StatusChange;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AttachmentFailed;
import es.kompanion.bot.ticket.AttachmentStored;
import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.ticket.ClientMessageAdded;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.ticket.StaffReplied;
import es.kompanion.bot.ticket.TicketOpened;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketStatusChanged;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.inOrder;
import static org.mockito.BDDMockito.mock;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

class StaffDeskNotifierTests {

	private final Outbox outbox = mock(Outbox.class);

	private final Tickets tickets = mock(Tickets.class);

	private final StaffDeskNotifier notifier = new StaffDeskNotifier(this.outbox, this.tickets);

	@Test
	void postsTheRootWhenATicketOpens() {
		this.notifier.on(new TicketOpened(7L, 1042, 3L));

		then(this.outbox).should().enqueue("SLACK_STAFF", "slack-ticket:7", StaffDeskUpdate.postRoot(7L));
	}

	@Test
	void postsTheClientMessageInTheThread() {
		givenMessage(11L, "Os mando el dato");
		this.notifier.on(new ClientMessageAdded(7L, 11L, 3L));

		then(this.outbox).should()
			.enqueue("SLACK_STAFF", "slack-ticket:7",
					new StaffDeskUpdate(StaffDeskUpdate.Kind.POST_IN_THREAD, 7L, 11L, null, null, null));
	}

	@Test
	void leavesAMessageOfOnlyFilesToTheFileUploads() {
		givenMessage(12L, "");

		this.notifier.on(new ClientMessageAdded(7L, 12L, 3L));

		verifyNoInteractions(this.outbox);
	}

	private void givenMessage(Long id, String body) {
		TicketMessage message = mock(TicketMessage.class);
		given(message.getBody()).willReturn(body);
		given(this.tickets.message(id)).willReturn(message);
	}

	@Test
	void refreshesTheRootThenNotesWhoChangedTheStatus() {
		this.notifier.on(new TicketStatusChanged(7L, 1042, 3L, TicketStatus.OPEN, TicketStatus.CLOSED,
				Actor.staff("slack:U024BE7LH")));

		InOrder order = inOrder(this.outbox);
		order.verify(this.outbox).enqueue("SLACK_STAFF", "slack-ticket:7", StaffDeskUpdate.refreshRoot(7L));
		order.verify(this.outbox)
			.enqueue("SLACK_STAFF", "slack-ticket:7", new StaffDeskUpdate(StaffDeskUpdate.Kind.POST_STATUS_NOTE, 7L,
					null, new StatusChange(TicketStatus.OPEN, TicketStatus.CLOSED, AuthorType.STAFF, "slack:U024BE7LH"),
					null, null));
		order.verifyNoMoreInteractions();
	}

	@Test
	void postsAnAnswerFromTheWebInTheThread() {
		this.notifier.on(new StaffReplied(7L, 12L, 3L, Actor.staffMember(42L)));

		then(this.outbox).should()
			.enqueue("SLACK_STAFF", "slack-ticket:7",
					new StaffDeskUpdate(StaffDeskUpdate.Kind.POST_STAFF_REPLY, 7L, 12L, null, null, null));
	}

	@Test
	void uploadsAClientFileIntoTheThreadOnceStoredAfterWhatWasQueuedBefore() {
		this.notifier.on(new TicketOpened(7L, 1042, 3L));
		this.notifier.on(new AttachmentStored(31L, 7L, AttachmentDirection.FROM_CLIENT));

		InOrder order = inOrder(this.outbox);
		order.verify(this.outbox).enqueue("SLACK_STAFF", "slack-ticket:7", StaffDeskUpdate.postRoot(7L));
		order.verify(this.outbox)
			.enqueue("SLACK_STAFF", "slack-ticket:7",
					new StaffDeskUpdate(StaffDeskUpdate.Kind.POST_FILE, 7L, null, null, null, 31L));
		order.verifyNoMoreInteractions();
	}

	@Test
	void doesNotUploadAStaffFileBackIntoTheThread() {
		this.notifier.on(new AttachmentStored(32L, 7L, AttachmentDirection.FROM_STAFF));

		verifyNoInteractions(this.outbox);
	}

	@Test
	void notesAFileThatCouldNotBeFetchedEitherWay() {
		this.notifier.on(new AttachmentFailed(31L, 7L, AttachmentDirection.FROM_CLIENT, "nomina.pdf", "too big"));
		this.notifier.on(new AttachmentFailed(32L, 7L, AttachmentDirection.FROM_STAFF, "modelo.pdf", "gone"));

		InOrder order = inOrder(this.outbox);
		order.verify(this.outbox).enqueue("SLACK_STAFF", "slack-ticket:7", StaffDeskUpdate.fileFailed(7L, 31L));
		order.verify(this.outbox).enqueue("SLACK_STAFF", "slack-ticket:7", StaffDeskUpdate.fileFailed(7L, 32L));
		order.verifyNoMoreInteractions();
	}

	@Test
	void doesNotEchoAnAnswerWrittenInTheThread() {
		this.notifier.on(new StaffReplied(7L, 12L, 3L, Actor.staff("slack:U024BE7LH")));

		verifyNoInteractions(this.outbox);
	}

}
