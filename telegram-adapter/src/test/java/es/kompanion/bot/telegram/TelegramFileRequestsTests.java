package es.kompanion.bot.telegram;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import es.kompanion.bot.conversation.ClientDelivery;
import es.kompanion.bot.conversation.Reply;
import es.kompanion.bot.conversation.RichText;
import es.kompanion.bot.delivery.DeliveryFailed;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.ticket.AttachmentAdded;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.user.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class TelegramFileRequestsTests {

	private final Outbox outbox = mock(Outbox.class);

	private final Attachments attachments = mock(Attachments.class);

	private final TelegramFileRequests requests = new TelegramFileRequests(this.outbox, this.attachments);

	@Test
	void queuesTheFetchOfAFileSentOnTelegramInTheStreamOfItsTicket() {
		this.requests.on(new AttachmentAdded(31L, 1042L, AttachmentDirection.FROM_CLIENT, Channel.TELEGRAM));

		then(this.outbox).should().enqueue("TELEGRAM_FILE", "TELEGRAM_FILE:1042", new TelegramFileFetch(31L));
	}

	@Test
	void leavesFilesFromOtherChannelsToThem() {
		this.requests.on(new AttachmentAdded(32L, 1042L, AttachmentDirection.FROM_STAFF, Channel.SLACK));

		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void marksTheFileAsFailedWhenTheOutboxGivesItsFetchUp() {
		given(this.attachments.find(31L)).willReturn(Optional.of(mock(TicketAttachment.class)));

		this.requests.on(new DeliveryFailed("TELEGRAM_FILE", new TelegramFileFetch(31L),
				"Bad Request: wrong file_id or the file is temporarily unavailable"));

		then(this.attachments).should()
			.failed(31L, "Bad Request: wrong file_id or the file is temporarily unavailable");
	}

	@Test
	void leavesOtherFailedDeliveriesAlone() {
		this.requests.on(new DeliveryFailed("TELEGRAM", new ClientDelivery("1111111", Reply.of(RichText.plain("Hola"))),
				"Forbidden: bot was blocked"));

		then(this.attachments).shouldHaveNoInteractions();
	}

	@Test
	void survivesTheOutboxStorage() {
		JsonMapper json = JsonMapper.builder().build();

		String stored = json.writeValueAsString(new TelegramFileFetch(31L));

		assertThat(json.readValue(stored, TelegramFileFetch.class)).isEqualTo(new TelegramFileFetch(31L));
	}

}
