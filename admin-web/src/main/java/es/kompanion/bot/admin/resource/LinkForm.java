package es.kompanion.bot.admin.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.resource.LinkDraft;
import es.kompanion.bot.resource.LinkKind;
import es.kompanion.bot.resource.Limits;
import es.kompanion.bot.resource.ResourceLink;

/**
 * A link as the form sends it: raw text, checked by {@link #problems()} before anything
 * is saved.
 */
record LinkForm(@Nullable String kind, @Nullable String titleEs, @Nullable String titleEn, @Nullable String url,
		@Nullable String position) {

	static LinkForm empty(int position) {
		return new LinkForm(LinkKind.OTHER.name(), "", "", "https://", String.valueOf(position));
	}

	static LinkForm of(ResourceLink link) {
		return new LinkForm(link.getKind().name(), link.getTitleEs(), link.getTitleEn(), link.getUrl(),
				String.valueOf(link.getPosition()));
	}

	/**
	 * Field name to message code, in the form's order; empty when the link can be saved.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (FormChecks.parseEnum(LinkKind.class, this.kind) == null) {
			problems.put("kind", "resources.error.choice");
		}
		FormChecks.requiredText(problems, "titleEs", this.titleEs, Limits.TITLE_LENGTH);
		FormChecks.requiredText(problems, "titleEn", this.titleEn, Limits.TITLE_LENGTH);
		if (!Limits.isWebAddress(FormChecks.text(this.url))) {
			problems.put("url", "resources.error.url");
		}
		FormChecks.position(problems, this.position);
		return problems;
	}

	/**
	 * The link to save; call only when {@link #problems()} is empty.
	 */
	LinkDraft toDraft() {
		return new LinkDraft(Objects.requireNonNull(FormChecks.parseEnum(LinkKind.class, this.kind)),
				FormChecks.text(this.titleEs), FormChecks.text(this.titleEn), FormChecks.text(this.url),
				Objects.requireNonNull(FormChecks.parsePosition(this.position)));
	}

}
