package es.kompanion.bot.user;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What admins record about a staff member.
 *
 * @param slackUserId the member's Slack user id, such as {@code U0123ABC}; without one
 * they cannot act on tickets in Slack
 * @param active whether they may sign in and act on tickets
 */
public record StaffDetails(String fullName, String email, @Nullable String slackUserId, StaffRole role,
		Set<Department> departments, boolean active) {

}
