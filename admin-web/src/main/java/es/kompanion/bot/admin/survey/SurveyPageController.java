package es.kompanion.bot.admin.survey;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import es.kompanion.bot.survey.SurveyLinkDetails;
import es.kompanion.bot.survey.SurveyLinkOutcome;
import es.kompanion.bot.survey.SurveyLinks;

/**
 * Clients rate a closed ticket from the link in its email: stars from 1 to 5 and an
 * optional comment, in the client's language. An unknown, used or expired link gets the
 * same page, in both languages, so a link says nothing about others.
 */
@Controller
@RequestMapping("/survey")
class SurveyPageController {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final SurveyLinks links;

	private final MessageSource messages;

	SurveyPageController(SurveyLinks links, MessageSource messages) {
		this.links = links;
		this.messages = messages;
	}

	@GetMapping("/{token}")
	String show(@PathVariable String token, Model model, HttpServletRequest request) {
		Optional<SurveyLinkDetails> link = this.links.find(token);
		if (link.isEmpty()) {
			return unavailable(model, request);
		}
		if (link.get().alreadyRated()) {
			return alreadyRated(link.get(), model, request);
		}
		return form(link.get(), token, null, null, false, model, request);
	}

	@PostMapping("/{token}")
	String answer(@PathVariable String token, @RequestParam(required = false) @Nullable String rating,
			@RequestParam(required = false) @Nullable String comment, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		Optional<SurveyLinkDetails> found = this.links.find(token);
		if (found.isEmpty()) {
			return unavailable(model, request);
		}
		SurveyLinkDetails link = found.get();
		Integer stars = stars(rating);
		if (stars == null) {
			return form(link, token, null, comment, true, model, request);
		}

		SurveyLinkOutcome outcome = this.links.redeem(token, stars, comment);

		return switch (outcome) {
			case RECORDED -> {
				redirect.addFlashAttribute("language", link.language());
				yield "redirect:/survey/thanks";
			}
			case ALREADY_RATED -> alreadyRated(link, model, request);
			case INVALID -> form(link, token, null, comment, true, model, request);
			case UNAVAILABLE -> unavailable(model, request);
		};
	}

	@GetMapping("/thanks")
	String thanks(Model model, HttpServletRequest request) {
		if (!model.containsAttribute("language")) {
			// Only an answer just stored leads here; opened directly it thanks nobody.
			return unavailable(model, request);
		}
		Locale locale = locale((String) model.getAttribute("language"));
		speak(locale, request);
		model.addAttribute("notes", List.of(note(locale, "survey-page.thanks", null)));
		return "survey/note";
	}

	private String form(SurveyLinkDetails link, String token, @Nullable Integer rating, @Nullable String comment,
			boolean problem, Model model, HttpServletRequest request) {
		speak(locale(link.language()), request);
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		model.addAttribute("rating", rating);
		model.addAttribute("comment", comment);
		model.addAttribute("problem", problem);
		model.addAttribute("commentMax", SurveyLinks.COMMENT_MAX_LENGTH);
		return "survey/form";
	}

	private String alreadyRated(SurveyLinkDetails link, Model model, HttpServletRequest request) {
		Locale locale = locale(link.language());
		speak(locale, request);
		model.addAttribute("notes", List.of(note(locale, "survey-page.already", link.label())));
		return "survey/note";
	}

	private String unavailable(Model model, HttpServletRequest request) {
		speak(SPANISH, request);
		model.addAttribute("notes", List.of(note(SPANISH, "survey-page.unavailable", null),
				note(Locale.ENGLISH, "survey-page.unavailable", null)));
		return "survey/note";
	}

	private Note note(Locale locale, String key, @Nullable String ticket) {
		return new Note(locale.getLanguage(), this.messages.getMessage(key + ".title", null, locale),
				this.messages.getMessage(key + ".text", new Object[] { ticket }, locale));
	}

	/**
	 * Renders the page in the client's language rather than the visitor's, without
	 * setting the admin web's language cookie.
	 */
	private static void speak(Locale locale, HttpServletRequest request) {
		request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
	}

	private static Locale locale(@Nullable String language) {
		return (language != null && language.startsWith("en")) ? Locale.ENGLISH : SPANISH;
	}

	private static @Nullable Integer stars(@Nullable String rating) {
		if (rating == null || !rating.strip().matches("[1-5]")) {
			return null;
		}
		return Integer.valueOf(rating.strip());
	}

	/**
	 * A short message of the page in one language.
	 */
	record Note(String language, String title, String text) {

	}

}
