package es.kompanion.bot.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The sizes the resource tables take and the rules every draft follows, so the admin web
 * can check a form against the same numbers before the core refuses it.
 */
public final class Limits {

	public static final int TITLE_LENGTH = 200;

	public static final int URL_LENGTH = 1000;

	public static final int QUESTION_LENGTH = 300;

	public static final int ANSWER_LENGTH = 4000;

	public static final int TAX_FORM_LENGTH = 60;

	public static final int MAX_POSITION = 9999;

	/** The languages FAQ entries are written in. */
	public static final Set<String> LANGUAGES = Set.of("es", "en");

	private Limits() {
	}

	/**
	 * Whether the text is an absolute http or https address with a host.
	 */
	public static boolean isWebAddress(@Nullable String url) {
		if (url == null || url.isEmpty() || url.length() > URL_LENGTH || !url.strip().equals(url)) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && StringUtils.hasText(uri.getHost());
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * A tax form as people write it, with single spaces: {@code "Modelo  303 "} becomes
	 * {@code "Modelo 303"}.
	 */
	public static String normalizeTaxForm(String taxForm) {
		return taxForm.strip().replaceAll("\\s+", " ");
	}

	/**
	 * The text with every {@code \r\n} or lone {@code \r} turned into {@code \n}, as
	 * browsers send text areas with the former and chat apps expect the latter.
	 */
	public static String unixLineBreaks(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	static String text(@Nullable String value, int maxLength, String name) {
		Assert.hasText(value, () -> name + " must not be empty");
		String stripped = value.strip();
		Assert.isTrue(stripped.length() <= maxLength, () -> name + " is longer than " + maxLength);
		return stripped;
	}

	static @Nullable String optionalText(@Nullable String value, int maxLength, String name) {
		return StringUtils.hasText(value) ? text(value, maxLength, name) : null;
	}

	static int position(int position) {
		Assert.isTrue(position >= 0 && position <= MAX_POSITION, () -> "position must be 0 to " + MAX_POSITION);
		return position;
	}

}
