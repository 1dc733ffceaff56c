package es.kompanion.bot.user;

/**
 * What a staff member may do in the admin web: admins also manage staff, resources and
 * settings.
 */
public enum StaffRole {

	ADMIN, STAFF

}
