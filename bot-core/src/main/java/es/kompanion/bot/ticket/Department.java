package es.kompanion.bot.ticket;

/**
 * Where tickets are routed and staff belong.
 */
public enum Department {

	ACCOUNTING_TAX, LABOUR, INTEGRATIONS, OTHER

}
