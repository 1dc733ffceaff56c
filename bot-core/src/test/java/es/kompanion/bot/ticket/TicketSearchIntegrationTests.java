package es.kompanion.bot.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's ticket list on the real MariaDB. Other tests write tickets too, so every
 * search here is narrowed to clients of its own.
 */
@SpringBootTest
class TicketSearchIntegrationTests {

	@Autowired
	private Tickets tickets;

	@Autowired
	private Clients clients;

	@Test
	void combinesStatusDepartmentAndClient() {
		String company = unique("Talleres");
		Client client = register("Ana Ruiz", company);
		TicketSummary payroll = open(client, Department.LABOUR, "Alta de un trabajador nuevo");
		TicketSummary vat = open(client, Department.ACCOUNTING_TAX, "Dudas con el IVA trimestral");
		open(client, Department.LABOUR, "Nóminas de diciembre");
		this.tickets.changeStatus(payroll.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));

		Page<TicketSummary> closedLabour = search(
				new TicketFilter(TicketStatus.CLOSED, Department.LABOUR, company.toUpperCase(), null));
		Page<TicketSummary> accounting = search(new TicketFilter(null, Department.ACCOUNTING_TAX, company, null));
		Page<TicketSummary> open = search(new TicketFilter(TicketStatus.OPEN, null, company, null));

		assertThat(closedLabour.getContent()).extracting(TicketSummary::id).containsExactly(payroll.id());
		assertThat(accounting.getContent()).singleElement().satisfies((ticket) -> {
			assertThat(ticket.id()).isEqualTo(vat.id());
			assertThat(ticket.clientName()).isEqualTo("Ana Ruiz");
			assertThat(ticket.company()).isEqualTo(company);
		});
		assertThat(open.getTotalElements()).isEqualTo(2);
	}

	@Test
	void findsTheClientByNameEmailOrCompany() {
		String name = unique("Bea");
		Client client = this.clients.register(unique("bea") + "@example.test", name, null, "es");
		TicketSummary ticket = open(client, Department.OTHER, "Una pregunta cualquiera");

		Page<TicketSummary> byName = search(new TicketFilter(null, null, name.toLowerCase(), null));
		Page<TicketSummary> byEmail = search(new TicketFilter(null, null, client.getEmail(), null));

		assertThat(byName.getContent()).extracting(TicketSummary::id).containsExactly(ticket.id());
		assertThat(byEmail.getContent()).extracting(TicketSummary::id).containsExactly(ticket.id());
	}

	@Test
	void searchesTheDescriptionTakingWildcardsLiterally() {
		String company = unique("Wild");
		Client client = register("Carla", company);
		TicketSummary discount = open(client, Department.OTHER, "Me aplican un 50% de descuento en la cuota");
		open(client, Department.OTHER, "Me aplican un 50 de descuento");

		Page<TicketSummary> found = search(new TicketFilter(null, null, company, "50% DE"));
		Page<TicketSummary> none = search(new TicketFilter(null, null, company, "cuota_"));

		assertThat(found.getContent()).extracting(TicketSummary::id).containsExactly(discount.id());
		assertThat(none.getContent()).isEmpty();
	}

	@Test
	void findsATicketByItsNumber() {
		Client client = register("Dani", unique("Numbers"));
		TicketSummary ticket = open(client, Department.OTHER, "Consulta normal");
		TicketSummary mentioning = open(client, Department.OTHER, "Sigue la consulta " + ticket.number());

		Page<TicketSummary> byLabel = search(new TicketFilter(null, null, null, "# " + ticket.number()));
		Page<TicketSummary> byBareNumber = search(new TicketFilter(null, null, null, String.valueOf(ticket.number())));

		assertThat(byLabel.getContent()).extracting(TicketSummary::id).containsExactly(ticket.id());
		assertThat(byBareNumber.getContent()).extracting(TicketSummary::id)
			.containsExactly(mentioning.id(), ticket.id());
	}

	@Test
	void pagesNewestFirst() {
		String company = unique("Paged");
		Client client = register("Eva", company);
		List<TicketSummary> opened = new ArrayList<>();
		for (int i = 0; i < 27; i++) {
			opened.add(open(client, Department.OTHER, "Consulta número " + i));
		}
		TicketFilter filter = new TicketFilter(null, null, company, null);

		Page<TicketSummary> first = this.tickets.search(filter, PageRequest.of(0, 25));
		Page<TicketSummary> second = this.tickets.search(filter, PageRequest.of(1, 25));

		assertThat(first.getTotalElements()).isEqualTo(27);
		assertThat(first.getTotalPages()).isEqualTo(2);
		assertThat(first.getContent()).hasSize(25).first().extracting(TicketSummary::id).isEqualTo(opened.get(26).id());
		assertThat(second.getContent()).extracting(TicketSummary::id)
			.containsExactly(opened.get(1).id(), opened.get(0).id());
	}

	@Test
	void findsEverythingWithoutAFilter() {
		Client client = register("Fede", unique("All"));
		TicketSummary ticket = open(client, Department.OTHER, "La más reciente");

		Page<TicketSummary> all = this.tickets.search(TicketFilter.all(), PageRequest.of(0, 25));

		assertThat(all.getTotalElements()).isPositive();
		assertThat(all.getContent()).extracting(TicketSummary::id).contains(ticket.id());
	}

	private Page<TicketSummary> search(TicketFilter filter) {
		return this.tickets.search(filter, PageRequest.of(0, 25));
	}

	private Client register(String name, String company) {
		return this.clients.register(unique("client") + "@example.test", name, company, "es");
	}

	private TicketSummary open(Client client, Department department, String description) {
		return this.tickets.open(client.getId(), department, description, Channel.TELEGRAM);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
