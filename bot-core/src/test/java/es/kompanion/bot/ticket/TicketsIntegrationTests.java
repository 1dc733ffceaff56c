package es.kompanion.bot.ticket;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff answers as the rest of the application hears about them, on the real MariaDB.
 */
@SpringBootTest
@RecordApplicationEvents
class TicketsIntegrationTests {

	@Autowired
	private Tickets tickets;

	@Autowired
	private Clients clients;

	@Autowired
	private StaffRepository staff;

	@Autowired
	private ApplicationEvents events;

	@Test
	void saysWhoAnsweredSoThatSlackCanEchoAnswersFromTheWeb() {
		Client client = this.clients.register(unique() + "@example.test", "Gema", null, "es");
		TicketSummary ticket = this.tickets.open(client.getId(), Department.OTHER, "Una duda", Channel.TELEGRAM);

		TicketMessage message = this.tickets.addStaffReply(ticket.id(), Actor.staffMember(42L), "Resuelto", null);

		assertThat(message.getAuthorRef()).isEqualTo("staff:42");
		assertThat(this.events.stream(StaffReplied.class))
			.containsExactly(new StaffReplied(ticket.id(), message.getId(), client.getId(), Actor.staff("staff:42")));
	}

	@Test
	void namesTheStaffMemberBehindAWebActor() {
		Staff member = this.staff.save(new Staff("Marta Gil", unique() + "@kompanion.test", StaffRole.STAFF,
				EnumSet.noneOf(Department.class)));

		assertThat(this.tickets.staffMemberName(Actor.staffMember(member.getId()))).contains("Marta Gil");
		assertThat(this.tickets.staffMemberName(Actor.staff("slack:U024BE7LH"))).isEmpty();
		assertThat(this.tickets.staffMemberName(Actor.staffMember(-1L))).isEmpty();
	}

	private static String unique() {
		return "t-" + UUID.randomUUID();
	}

}
