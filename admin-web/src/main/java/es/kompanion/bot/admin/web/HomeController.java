package es.kompanion.bot.admin.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.Tickets;

/**
 * The start page: how many tickets wait in each status.
 */
@Controller
class HomeController {

	private final Tickets tickets;

	HomeController(Tickets tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/")
	String home(Model model) {
		Map<TicketStatus, Long> counts = this.tickets.countByStatus();
		model.addAttribute("open", counts.get(TicketStatus.OPEN));
		model.addAttribute("pending", counts.get(TicketStatus.PENDING_CLIENT));
		model.addAttribute("closed", counts.get(TicketStatus.CLOSED));
		return "home";
	}

}
