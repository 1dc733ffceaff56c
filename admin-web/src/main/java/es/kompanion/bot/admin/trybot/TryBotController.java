package es.kompanion.bot.admin.trybot;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import es.kompanion.bot.admin.security.CurrentStaff;
import es.kompanion.bot.admin.trybot.TestClients.TestChat;
import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.conversation.Reply;
import es.kompanion.bot.conversation.RichText;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Staff;

/**
 * Try the bot: the signed-in staff member chats with the real conversation engine as
 * their test client. What they send goes through the engine like a message from Telegram;
 * the bot's replies come back through the outbox into the transcript, which the page
 * polls.
 */
@Controller
@RequestMapping("/try")
class TryBotController {

	private static final Logger log = LoggerFactory.getLogger(TryBotController.class);

	static final int MAX_TEXT_LENGTH = 4000;

	private static final int MAX_CHOICE_LENGTH = 64;

	private static final int MAX_LABEL_LENGTH = 200;

	private static final int PAGE_OF_LINES = 200;

	private final TestClients testClients;

	private final WebChatTranscript transcript;

	private final ConversationEngine engine;

	private final CurrentStaff current;

	TryBotController(TestClients testClients, WebChatTranscript transcript, ConversationEngine engine,
			CurrentStaff current) {
		this.testClients = testClients;
		this.transcript = transcript;
		this.engine = engine;
		this.current = current;
	}

	@GetMapping
	String chat(Locale locale, Model model) {
		TestChat chat = this.testClients.chatOf(this.current.get(), locale);
		model.addAttribute("chat", chat);
		model.addAttribute("maxTextLength", MAX_TEXT_LENGTH);
		return "try/chat";
	}

	@PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> send(@RequestBody SendRequest request, Locale locale) {
		String problem = problemWith(request);
		if (problem != null) {
			ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem);
			return ResponseEntity.badRequest().body(detail);
		}
		deliver(request.normalized(), locale);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The same for a plain form, so that the page's form also works as one.
	 */
	@PostMapping(path = "/send", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String sendForm(@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String choice,
			@RequestParam(required = false) @Nullable String label, Locale locale) {
		SendRequest request = new SendRequest(text, choice, label);
		if (problemWith(request) == null) {
			deliver(request.normalized(), locale);
		}
		return "redirect:/try";
	}

	@GetMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<WebChatMessage> messages(@RequestParam(defaultValue = "0") long after) {
		ChatAccount account = TestClients.account(this.current.get());
		return this.transcript.after(account.chatId(), after, PAGE_OF_LINES);
	}

	private void deliver(SendRequest request, Locale locale) {
		TestChat chat = this.testClients.chatOf(this.current.get(), locale);
		ChatAccount account = chat.account();
		this.transcript.append(account.chatId(),
				new WebChatLine(WebChatLine.ME, Reply.of(RichText.plain(request.shown()))));

		String deliveryId = newDeliveryId();
		this.engine.handle(new Inbound(account, deliveryId, TestClients.language(locale), request.text(),
				request.choice(), List.of()));
		log.debug("Web chat {} sent delivery {}", account.chatId(), deliveryId);
	}

	private static @Nullable String problemWith(SendRequest request) {
		SendRequest sent = request.normalized();
		if (sent.choice() != null) {
			return (sent.choice().length() <= MAX_CHOICE_LENGTH) ? null : "choice too long";
		}
		if (sent.text() == null) {
			return "text or choice required";
		}
		return (sent.text().length() <= MAX_TEXT_LENGTH) ? null : "text too long";
	}

	static String newDeliveryId() {
		return "web-" + UUID.randomUUID();
	}

	/**
	 * What the page sends: a text, or the action of a button pressed with its label.
	 */
	record SendRequest(@Nullable String text, @Nullable String choice, @Nullable String label) {

		SendRequest normalized() {
			String cleanText = (this.text != null && !this.text.isBlank()) ? this.text.replace("\r\n", "\n").strip()
					: null;
			String cleanChoice = (this.choice != null && !this.choice.isBlank()) ? this.choice.strip() : null;
			String cleanLabel = (this.label != null && !this.label.isBlank()) ? this.label.strip() : null;
			return new SendRequest((cleanChoice != null) ? null : cleanText, cleanChoice, cleanLabel);
		}

		/**
		 * What the transcript shows on the staff member's side.
		 */
		String shown() {
			if (this.choice == null) {
				return (this.text != null) ? this.text : "";
			}
			String shown = (this.label != null) ? this.label : this.choice;
			return (shown.length() <= MAX_LABEL_LENGTH) ? shown : shown.substring(0, MAX_LABEL_LENGTH) + "…";
		}

	}

}
