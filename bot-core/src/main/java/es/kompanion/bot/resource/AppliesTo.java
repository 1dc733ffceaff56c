package es.kompanion.bot.resource;

/**
 * Who a {@link FiscalDeadline} concerns.
 */
public enum AppliesTo {

	/** Every client. */
	ALL,
	/** Companies (sociedades). */
	COMPANIES,
	/** Self-employed people (autónomos). */
	SELF_EMPLOYED,
	/** Clients with employees or who withhold tax on payments. */
	EMPLOYERS;

	/**
	 * Whether a deadline for these taxpayers concerns the given kind of client.
	 */
	public boolean includes(AppliesTo client) {
		return this == ALL || this == client;
	}

}
