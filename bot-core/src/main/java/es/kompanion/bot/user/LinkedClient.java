package es.kompanion.bot.user;

import org.jspecify.annotations.Nullable;

/**
 * A client as the conversation engine needs it: who they are and how they want to be
 * spoken to.
 */
public record LinkedClient(Long clientId, String fullName, @Nullable String company, String language,
		@Nullable String documentsUrl, @Nullable String holdedUrl) {

	static LinkedClient of(Client client) {
		return new LinkedClient(client.getId(), client.getFullName(), client.getCompany(), client.getLanguage(),
				client.getDocumentsUrl(), client.getHoldedUrl());
	}

}
