package es.kompanion.bot.slack.ticket;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketStatusChanged;

import static org.assertj.core.api.Assertions.assertThat;

class StaffDeskUpdateTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void survivesTheOutboxAsJson() {
		StaffDeskUpdate note = StaffDeskUpdate.statusNote(new TicketStatusChanged(7L, 1042, 3L, TicketStatus.OPEN,
				TicketStatus.CLOSED, Actor.staff("slack:U024BE7LH")));
		StaffDeskUpdate message = StaffDeskUpdate.postInThread(7L, 11L);
		StaffDeskUpdate webReply = StaffDeskUpdate.staffReply(7L, 12L);
		StaffDeskUpdate file = StaffDeskUpdate.postFile(7L, 31L);

		StaffDeskUpdate noteRead = this.json.readValue(this.json.writeValueAsString(note), StaffDeskUpdate.class);
		StaffDeskUpdate messageRead = this.json.readValue(this.json.writeValueAsString(message), StaffDeskUpdate.class);
		StaffDeskUpdate webReplyRead = this.json.readValue(this.json.writeValueAsString(webReply),
				StaffDeskUpdate.class);
		StaffDeskUpdate fileRead = this.json.readValue(this.json.writeValueAsString(file), StaffDeskUpdate.class);

		assertThat(noteRead).isEqualTo(note);
		assertThat(messageRead).isEqualTo(message);
		assertThat(webReplyRead).isEqualTo(webReply);
		assertThat(fileRead).isEqualTo(file);
	}

	@Test
	void readsAnUpdateQueuedBeforeFilesExisted() {
		String queued = "{\"kind\":\"POST_IN_THREAD\",\"ticketId\":7,\"messageId\":11,\"statusChange\":null,"
				+ "\"problem\":null}";

		assertThat(this.json.readValue(queued, StaffDeskUpdate.class)).isEqualTo(StaffDeskUpdate.postInThread(7L, 11L));
	}

	@Test
	void ordersUpdatesByTicket() {
		assertThat(StaffDeskUpdate.streamKey(7L)).isEqualTo("slack-ticket:7");
	}

}
