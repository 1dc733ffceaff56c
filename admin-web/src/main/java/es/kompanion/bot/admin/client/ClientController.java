package es.kompanion.bot.admin.client;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import es.kompanion.bot.admin.web.Pages;
import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.admin.AdminProperties;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatIdentity;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientNotFoundException;
import es.kompanion.bot.mail.Mailer;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.EmailInUseException;

/**
 * Staff find, register and edit clients, unlink their chat accounts and invite them to
 * the bot.
 */
@Controller
@RequestMapping("/clients")
class ClientController {

	private static final Logger log = LoggerFactory.getLogger(ClientController.class);

	static final int PAGE_SIZE = 25;

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private final Clients clients;

	private final ClientChanges changes;

	private final @Nullable String botUsername;

	private final long invitationDays;

	private final Mailer mailer;

	ClientController(Clients clients, ClientChanges changes, AdminProperties admin, CoreProperties core,
			Mailer mailer) {
		this.mailer = mailer;
		this.clients = clients;
		this.changes = changes;
		String username = admin.telegramBotUsername();
		this.botUsername = StringUtils.hasText(username) ? username.strip().replaceFirst("^@", "") : null;
		this.invitationDays = core.invitationValidity().toDays();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "active") String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String filter = List.of("active", "inactive", "all").contains(status) ? status : "active";
		Boolean active = switch (filter) {
			case "active" -> Boolean.TRUE;
			case "inactive" -> Boolean.FALSE;
			default -> null;
		};
		Page<Client> found = this.clients.search(q, active,
				PageRequest.of(Pages.clamp(page), PAGE_SIZE, Sort.by("fullName", "id")));
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("status", filter);
		model.addAttribute("page", found);
		return "clients/list";
	}

	@GetMapping("/new")
	String newClient(Model model) {
		model.addAttribute("form", ClientForm.empty());
		model.addAttribute("errors", Map.of());
		return "clients/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") ClientForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = form.problems();
		if (errors.isEmpty()) {
			try {
				Client client = this.changes.create(form.toDetails());
				redirect.addFlashAttribute("notice", "clients.created");
				return "redirect:/clients/" + client.getId();
			}
			catch (EmailInUseException | DataIntegrityViolationException ex) {
				errors = Map.of("email", "clients.error.email.taken");
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("problem", "clients.error.form");
		return "clients/new";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable Long id, Model model) {
		Client client = load(id);
		return showEdit(client, ClientForm.of(client), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @ModelAttribute("form") ClientForm form, Model model,
			RedirectAttributes redirect) {
		Client client = load(id);
		Map<String, String> errors = form.problems();
		if (errors.isEmpty()) {
			try {
				this.changes.update(id, form.toDetails());
				redirect.addFlashAttribute("notice", "clients.saved");
				return "redirect:/clients/" + id;
			}
			catch (EmailInUseException | DataIntegrityViolationException ex) {
				errors = Map.of("email", "clients.error.email.taken");
			}
		}
		model.addAttribute("problem", "clients.error.form");
		return showEdit(client, form, errors, model);
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable Long id, RedirectAttributes redirect) {
		this.changes.deactivate(id);
		redirect.addFlashAttribute("notice", "clients.deactivated");
		return "redirect:/clients/" + id;
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable Long id, RedirectAttributes redirect) {
		this.changes.reactivate(id);
		redirect.addFlashAttribute("notice", "clients.reactivated");
		return "redirect:/clients/" + id;
	}

	@PostMapping("/{id}/identities/{identityId}/unlink")
	String unlink(@PathVariable Long id, @PathVariable Long identityId, RedirectAttributes redirect) {
		load(id);
		try {
			this.changes.unlink(id, identityId);
			redirect.addFlashAttribute("notice", "clients.identity.unlinked");
		}
		catch (IllegalArgumentException ex) {
			log.debug("Identity {} is not linked to client {}", identityId, id);
			redirect.addFlashAttribute("problem", "clients.identity.gone");
		}
		return "redirect:/clients/" + id;
	}

	/**
	 * Issues an invitation and shows its link once, on the page the browser is sent back
	 * to; reloading that page does not show it again.
	 */
	@PostMapping("/{id}/invitation")
	String invite(@PathVariable Long id, RedirectAttributes redirect) {
		Client client = load(id);
		if (!client.isActive()) {
			redirect.addFlashAttribute("problem", "clients.invitation.inactive");
			return "redirect:/clients/" + id;
		}
		String token = this.changes.issueInvitation(id);
		if (this.botUsername != null) {
			redirect.addFlashAttribute("invitationLink", "https://t.me/" + this.botUsername + "?start=" + token);
		}
		else {
			redirect.addFlashAttribute("invitationToken", token);
		}
		redirect.addFlashAttribute("notice", "clients.invitation.issued");
		return "redirect:/clients/" + id;
	}

	/**
	 * Issues an invitation and emails its link to the client, in their language.
	 */
	@PostMapping("/{id}/invitation-email")
	String emailInvitation(@PathVariable Long id, RedirectAttributes redirect) {
		load(id);
		switch (this.changes.emailInvitation(id)) {
			case QUEUED -> redirect.addFlashAttribute("notice", "clients.invitation.email.queued");
			case INACTIVE -> redirect.addFlashAttribute("problem", "clients.invitation.inactive");
			case NO_EMAIL -> redirect.addFlashAttribute("problem", "clients.invitation.email.none");
			case MAIL_OFF -> redirect.addFlashAttribute("problem", "clients.invitation.email.off");
			case NO_BOT_USERNAME -> redirect.addFlashAttribute("problem", "clients.invitation.email.nobot");
		}
		return "redirect:/clients/" + id;
	}

	@ExceptionHandler(ClientNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error";
	}

	private String showEdit(Client client, ClientForm form, Map<String, String> errors, Model model) {
		List<IdentityRow> identities = this.clients.identitiesOf(client.getId()).stream().map(IdentityRow::of).toList();
		model.addAttribute("client", client);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("identities", identities);
		model.addAttribute("botUsernameSet", this.botUsername != null);
		model.addAttribute("invitationDays", this.invitationDays);
		model.addAttribute("mailOn", this.mailer.isEnabled());
		model.addAttribute("invitationEmailedAt",
				this.changes.invitationEmailedAt(client.getId())
					.map((sent) -> LocalDateTime.ofInstant(sent, MADRID))
					.orElse(null));
		return "clients/edit";
	}

	private Client load(Long id) {
		return this.clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
	}

	/**
	 * A linked chat account as the page shows it, with the time in Spain.
	 */
	record IdentityRow(Long id, Channel channel, @Nullable String displayName, LocalDateTime linkedAt) {

		static IdentityRow of(ChatIdentity identity) {
			return new IdentityRow(identity.getId(), identity.getChannel(), identity.getDisplayName(),
					LocalDateTime.ofInstant(identity.getLinkedAt(), MADRID));
		}

	}

}
