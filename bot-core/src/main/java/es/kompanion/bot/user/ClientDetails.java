package es.kompanion.bot.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * What staff record about a client: who they are, how to speak to them and where their
 * documents and books are. The rules here are the ones the database and the bot rely on;
 * forms check them first to show a friendly message.
 *
 * @param email unique among clients, compared without case
 * @param language one of {@link #LANGUAGES}
 * @param documentsUrl the client's documents folder, an http or https link
 * @param holdedUrl the client's Holded panel, an http or https link
 */
public record ClientDetails(String email, String fullName, @Nullable String company, String language,
		@Nullable String documentsUrl, @Nullable String holdedUrl) {

	/** The languages the bot speaks. */
	public static final List<String> LANGUAGES = List.of("es", "en");

	public static final int EMAIL_MAX = 254;

	public static final int NAME_MAX = 200;

	public static final int URL_MAX = 1000;

	private static final Pattern EMAIL = Pattern.compile("[^\\s@,;<>\"()]+@[^\\s@,;<>\"()]+\\.[^\\s@,;<>\"().]{2,}");

	public static boolean isEmail(@Nullable String email) {
		return email != null && email.strip().length() <= EMAIL_MAX && EMAIL.matcher(email.strip()).matches();
	}

	/**
	 * Whether the text is an absolute http or https link with a host.
	 */
	public static boolean isWebLink(@Nullable String url) {
		if (url == null || url.strip().length() > URL_MAX) {
			return false;
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && StringUtils.hasText(uri.getHost());
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The details stripped, with the email in lower case and blank optional values as
	 * {@code null}.
	 * @throws IllegalArgumentException naming the first detail that breaks a rule
	 */
	static ClientDetails checked(ClientDetails details) {
		String email = Client.normalizeEmail(details.email());
		String name = details.fullName().strip();
		String company = blankToNull(details.company());
		String language = details.language().strip().toLowerCase(Locale.ROOT);
		String documents = blankToNull(details.documentsUrl());
		String holded = blankToNull(details.holdedUrl());
		require(isEmail(email), "email");
		require(!name.isEmpty() && name.length() <= NAME_MAX, "fullName");
		require(company == null || company.length() <= NAME_MAX, "company");
		require(LANGUAGES.contains(language), "language");
		require(documents == null || isWebLink(documents), "documentsUrl");
		require(holded == null || isWebLink(holded), "holdedUrl");
		return new ClientDetails(email, name, company, language, documents, holded);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	private static void require(boolean valid, String detail) {
		if (!valid) {
			throw new IllegalArgumentException("Client " + detail + " is not valid");
		}
	}

}
