package es.kompanion.bot.admin.resource;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.resource.Limits;

/**
 * Checks the forms share: each adds a message code under the field's name when the value
 * will not do.
 */
final class FormChecks {

	private FormChecks() {
	}

	static void requiredText(Map<String, String> problems, String field, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			problems.put(field, "resources.error.required");
		}
		else {
			optionalText(problems, field, value, maxLength);
		}
	}

	static void optionalText(Map<String, String> problems, String field, @Nullable String value, int maxLength) {
		if (value != null && value.strip().length() > maxLength) {
			problems.put(field, "resources.error.too-long");
		}
	}

	static void position(Map<String, String> problems, @Nullable String value) {
		if (parsePosition(value) == null) {
			problems.put("position", "resources.error.position");
		}
	}

	static @Nullable Integer parsePosition(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			int position = Integer.parseInt(value.strip());
			return (position >= 0 && position <= Limits.MAX_POSITION) ? position : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String text(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

}
