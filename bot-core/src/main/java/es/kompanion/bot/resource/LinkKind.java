package es.kompanion.bot.resource;

/**
 * What a {@link ResourceLink} points to, so the bot can offer each kind on its own
 * button.
 */
public enum LinkKind {

	/** Kompanion Academy: the firm's articles and fiscal guides. */
	ACADEMY,
	/** Holded Academy: tutorials for Holded. */
	HOLDED_ACADEMY,
	/** Any other useful page. */
	OTHER

}
