package es.kompanion.bot.resource;

import org.springframework.util.Assert;

/**
 * What staff fill in for a link; titles are trimmed.
 *
 * @param kind what the link points to
 * @param titleEs the title in Spanish
 * @param titleEn the title in English
 * @param url an absolute http or https address
 * @param position where it goes among the links, smaller first
 * @throws IllegalArgumentException if a value breaks the {@link Limits}
 */
public record LinkDraft(LinkKind kind, String titleEs, String titleEn, String url, int position) {

	public LinkDraft {
		titleEs = Limits.text(titleEs, Limits.TITLE_LENGTH, "titleEs");
		titleEn = Limits.text(titleEn, Limits.TITLE_LENGTH, "titleEn");
		url = url.strip();
		Assert.isTrue(Limits.isWebAddress(url), "url must be an http or https address");
		Limits.position(position);
	}

}
