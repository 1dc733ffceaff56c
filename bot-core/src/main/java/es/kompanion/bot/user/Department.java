package es.kompanion.bot.user;

/**
 * Where tickets are routed and staff belong. It lives with the people, since staff belong
 * to departments and tickets already depend on this module.
 */
public enum Department {

	ACCOUNTING_TAX, LABOUR, INTEGRATIONS, OTHER

}
