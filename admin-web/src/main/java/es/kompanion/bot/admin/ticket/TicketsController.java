package es.kompanion.bot.admin.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import es.kompanion.bot.admin.web.Pages;
import es.kompanion.bot.admin.security.CurrentStaff;
import es.kompanion.bot.admin.ticket.TicketDesk.StaffMember;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.ticket.TicketFilter;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketNotFoundException;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;

/**
 * All tickets for staff: the list with filters, one ticket's whole conversation, and
 * answering or moving it from the web. Every change redirects back to the ticket with a
 * notice, so a reload never sends it twice.
 */
@Controller
@RequestMapping("/tickets")
class TicketsController {

	private static final Logger log = LoggerFactory.getLogger(TicketsController.class);

	static final int PAGE_SIZE = 25;

	static final int MAX_REPLY_LENGTH = 4000;

	private final Tickets tickets;

	private final TicketDesk desk;

	private final ConversationRenderer conversation;

	private final CurrentStaff current;

	private final Attachments attachments;

	private final FileStore files;

	TicketsController(Tickets tickets, TicketDesk desk, ConversationRenderer conversation, CurrentStaff current,
			Attachments attachments, FileStore files) {
		this.attachments = attachments;
		this.files = files;
		this.tickets = tickets;
		this.desk = desk;
		this.conversation = conversation;
		this.current = current;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable TicketStatus status,
			@RequestParam(required = false) @Nullable Department department,
			@RequestParam(required = false) @Nullable String client, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		TicketFilter filter = new TicketFilter(status, department, client, q);
		Page<TicketSummary> found = this.tickets.search(filter, PageRequest.of(Pages.clamp(page), PAGE_SIZE));
		if (filter.numberOnly() && found.getTotalElements() == 1) {
			return "redirect:/tickets/" + found.getContent().get(0).id();
		}

		model.addAttribute("tickets", found.map(TicketRow::of));
		model.addAttribute("status", (status != null) ? status.name() : "");
		model.addAttribute("department", (department != null) ? department.name() : "");
		model.addAttribute("client", (filter.client() != null) ? filter.client() : "");
		model.addAttribute("q", (filter.text() != null) ? filter.text() : "");
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("departments", Department.values());
		return "tickets/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable Long id, Locale locale, Model model) {
		TicketSummary ticket = this.tickets.summary(id);
		List<TicketMessage> messages = this.tickets.messagesOf(id);
		List<MessageView> conversation = this.conversation.render(ticket, messages, this.attachments.ofTicket(id),
				locale);

		model.addAttribute("ticket", ticket);
		model.addAttribute("created", FirmTime.of(ticket.createdAt()));
		model.addAttribute("updated", FirmTime.of(ticket.updatedAt()));
		model.addAttribute("closed", (ticket.status() == TicketStatus.CLOSED)
				? FirmTime.of(ConversationRenderer.closedAt(messages).orElse(ticket.updatedAt())) : null);
		model.addAttribute("messages", conversation);
		model.addAttribute("moves", StatusMove.from(ticket.status()));
		model.addAttribute("maxReplyLength", MAX_REPLY_LENGTH);
		this.tickets.previousOf(id).ifPresent((previous) -> model.addAttribute("previous", previous));
		return "tickets/show";
	}

	/**
	 * A file of the ticket, always as a download: a file from a client is never shown
	 * inside the admin web's pages.
	 */
	@GetMapping("/{id}/files/{attachmentId}")
	ResponseEntity<InputStreamResource> file(@PathVariable Long id, @PathVariable Long attachmentId)
			throws IOException {
		TicketAttachment attachment = this.attachments.find(attachmentId)
			.filter((found) -> found.getTicketId().equals(id) && found.getStatus() == AttachmentStatus.STORED)
			.orElseThrow(() -> new TicketNotFoundException(id));
		InputStream content = this.files.open(String.valueOf(attachment.getStorageKey()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(attachment.getFileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentLength(attachment.getSize())
			.body(new InputStreamResource(content));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable Long id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
		String body = text.replace("\r\n", "\n").strip();
		String problem = problemWith(body);
		if (problem != null) {
			redirect.addFlashAttribute("problem", problem);
			redirect.addFlashAttribute("draft", body);
			return "redirect:/tickets/" + id;
		}

		TicketStatus status = this.tickets.summary(id).status();
		this.desk.reply(id, staffMember(), body);

		log.info("Staff replied on ticket {} from the web", id);
		redirect.addFlashAttribute("notice",
				(status == TicketStatus.CLOSED) ? "admin.tickets.reply.sent-closed" : "admin.tickets.reply.sent");
		return "redirect:/tickets/" + id;
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable Long id, @RequestParam TicketStatus status, RedirectAttributes redirect) {
		try {
			boolean changed = this.desk.changeStatus(id, status, staffMember());
			redirect.addFlashAttribute("notice",
					changed ? "admin.tickets.status.changed" : "admin.tickets.status.unchanged");
		}
		catch (IllegalStateException ex) {
			log.debug("Ticket {} cannot move to {}", id, status);
			redirect.addFlashAttribute("problem", "admin.tickets.status.not-allowed");
		}
		return "redirect:/tickets/" + id;
	}

	@ExceptionHandler(TicketNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error";
	}

	private static @Nullable String problemWith(String reply) {
		if (reply.isEmpty()) {
			return "admin.tickets.reply.empty";
		}
		if (reply.length() > MAX_REPLY_LENGTH) {
			return "admin.tickets.reply.too-long";
		}
		return null;
	}

	private StaffMember staffMember() {
		Staff staff = this.current.get();
		return new StaffMember(staff.getId(), this.current.email());
	}

	/**
	 * A button that moves the ticket, with the moves that fit its status.
	 */
	record StatusMove(TicketStatus target, String label, boolean danger) {

		static List<StatusMove> from(TicketStatus status) {
			return switch (status) {
				case OPEN -> List.of(new StatusMove(TicketStatus.PENDING_CLIENT, "admin.tickets.move.pending", false),
						new StatusMove(TicketStatus.CLOSED, "admin.tickets.move.close", true));
				case PENDING_CLIENT -> List.of(new StatusMove(TicketStatus.OPEN, "admin.tickets.move.open", false),
						new StatusMove(TicketStatus.CLOSED, "admin.tickets.move.close", true));
				case CLOSED -> List.of(new StatusMove(TicketStatus.OPEN, "admin.tickets.move.reopen", false));
			};
		}

	}

}
