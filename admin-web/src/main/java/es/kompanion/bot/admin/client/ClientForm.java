package es.kompanion.bot.admin.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientDetails;

/**
 * A client as the form and each row of the CSV import carry it: raw text, checked by
 * {@link #problems()} before anything is saved.
 */
record ClientForm(@Nullable String email, @Nullable String fullName, @Nullable String company,
		@Nullable String language, @Nullable String documentsUrl, @Nullable String holdedUrl) {

	static final String DEFAULT_LANGUAGE = "es";

	static ClientForm empty() {
		return new ClientForm("", "", "", DEFAULT_LANGUAGE, "", "");
	}

	static ClientForm of(Client client) {
		return new ClientForm(client.getEmail(), client.getFullName(), client.getCompany(), client.getLanguage(),
				client.getDocumentsUrl(), client.getHoldedUrl());
	}

	/**
	 * What keeps the form from being saved: field name to message code, in the form's
	 * order; empty when it can be saved. A blank language means Spanish.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!StringUtils.hasText(this.email)) {
			problems.put("email", "clients.error.email.required");
		}
		else if (!ClientDetails.isEmail(this.email)) {
			problems.put("email", "clients.error.email.invalid");
		}
		if (!StringUtils.hasText(this.fullName)) {
			problems.put("fullName", "clients.error.name.required");
		}
		else if (this.fullName.strip().length() > ClientDetails.NAME_MAX) {
			problems.put("fullName", "clients.error.too-long");
		}
		if (this.company != null && this.company.strip().length() > ClientDetails.NAME_MAX) {
			problems.put("company", "clients.error.too-long");
		}
		if (StringUtils.hasText(this.language) && !ClientDetails.LANGUAGES.contains(normalizedLanguage())) {
			problems.put("language", "clients.error.language");
		}
		if (StringUtils.hasText(this.documentsUrl) && !ClientDetails.isWebLink(this.documentsUrl)) {
			problems.put("documentsUrl", "clients.error.url");
		}
		if (StringUtils.hasText(this.holdedUrl) && !ClientDetails.isWebLink(this.holdedUrl)) {
			problems.put("holdedUrl", "clients.error.url");
		}
		return problems;
	}

	boolean hasLanguage() {
		return StringUtils.hasText(this.language);
	}

	/**
	 * The details to save; call only when {@link #problems()} is empty.
	 */
	ClientDetails toDetails() {
		return new ClientDetails(text(this.email), text(this.fullName), this.company,
				hasLanguage() ? normalizedLanguage() : DEFAULT_LANGUAGE, this.documentsUrl, this.holdedUrl);
	}

	private String normalizedLanguage() {
		return text(this.language).strip().toLowerCase(Locale.ROOT);
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
