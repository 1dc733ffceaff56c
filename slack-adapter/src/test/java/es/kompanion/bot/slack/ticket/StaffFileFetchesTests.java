package es.kompanion.bot.slack.ticket;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.delivery.DeliveryFailed;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.ticket.AttachmentAdded;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.user.Channel;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.mock;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;

class StaffFileFetchesTests {

	private final Outbox outbox = mock(Outbox.class);

	private final Attachments attachments = mock(Attachments.class);

	private final StaffFileFetches fetches = new StaffFileFetches(this.outbox, this.attachments);

	@Test
	void queuesTheFetchOfAFileSharedInSlackOnTheTicketsStream() {
		this.fetches.on(new AttachmentAdded(32L, 7L, AttachmentDirection.FROM_STAFF, Channel.SLACK));

		then(this.outbox).should().enqueue("SLACK_FILE", "slack-file:7", new SlackFileFetch(32L, 7L));
	}

	@Test
	void leavesFilesFromOtherChannelsToThem() {
		this.fetches.on(new AttachmentAdded(31L, 7L, AttachmentDirection.FROM_CLIENT, Channel.TELEGRAM));

		verifyNoInteractions(this.outbox);
	}

	@Test
	void recordsAFetchThatWasGivenUpAsAFailedFile() {
		attachmentIn(AttachmentStatus.PENDING);

		this.fetches
			.on(new DeliveryFailed("SLACK_FILE", new SlackFileFetch(32L, 7L), "file download answered HTTP 404"));

		then(this.attachments).should().failed(32L, "file download answered HTTP 404");
	}

	@Test
	void recordsOnTheTicketAClientFileThatNeverReachedTheThread() {
		this.fetches.on(new DeliveryFailed("SLACK_STAFF", StaffDeskUpdate.postFile(7L, 33L), "missing_scope"));

		then(this.attachments).should().notDelivered(33L, "SLACK", "missing_scope");
	}

	@Test
	void leavesAFileAloneThatWasAlreadyRecordedAsFailed() {
		attachmentIn(AttachmentStatus.FAILED);

		this.fetches.on(new DeliveryFailed("SLACK_FILE", new SlackFileFetch(32L, 7L), "larger than 20 MB"));

		then(this.attachments).should(never()).failed(anyLong(), any());
	}

	@Test
	void ignoresOtherTopicsGivenUp() {
		this.fetches.on(new DeliveryFailed("SLACK_STAFF", StaffDeskUpdate.postRoot(7L), "msg_too_long"));

		verifyNoInteractions(this.attachments);
	}

	private void attachmentIn(AttachmentStatus status) {
		TicketAttachment attachment = mock(TicketAttachment.class);
		given(attachment.getStatus()).willReturn(status);
		given(this.attachments.find(32L)).willReturn(Optional.of(attachment));
	}

}
