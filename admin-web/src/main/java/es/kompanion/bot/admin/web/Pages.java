package es.kompanion.bot.admin.web;

/**
 * Page numbers from the address bar, kept within what any list can hold.
 */
public final class Pages {

	/**
	 * No list of the admin web reaches this page; beyond it the offset would overflow.
	 */
	private static final int LAST_PAGE = 100_000;

	private Pages() {
	}

	public static int clamp(int page) {
		return Math.min(Math.max(page, 0), LAST_PAGE);
	}

}
