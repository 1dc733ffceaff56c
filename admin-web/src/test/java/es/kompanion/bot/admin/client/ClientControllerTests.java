package es.kompanion.bot.admin.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.mail.Mailer;
import es.kompanion.bot.admin.AdminProperties;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.mock;

class ClientControllerTests {

	private final Clients clients = mock(Clients.class);

	private final ClientChanges changes = mock(ClientChanges.class);

	private final CoreProperties core = new CoreProperties(Duration.ofDays(7), 10, 4000,
			new CoreProperties.Outbox(Duration.ofSeconds(1), 25, Duration.ofMinutes(10), Duration.ofMinutes(2), 32),
			Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(1),
			new CoreProperties.Files("target/files", org.springframework.util.unit.DataSize.ofMegabytes(20)),
			new CoreProperties.LinkCodes(Duration.ofMinutes(15), 5, 3, 3, Duration.ofHours(1)));

	@Test
	void showsTheBareTokenWhenTheBotUsernameIsNotSet() {
		ClientController controller = new ClientController(this.clients, this.changes, admin(" "), this.core,
				mock(Mailer.class));
		given(this.clients.find(42L)).willReturn(Optional.of(new Client("ana@example.com", "Ana", null, "es")));
		given(this.changes.issueInvitation(42L)).willReturn("tok3n-abc");
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

		String view = controller.invite(42L, redirect);

		assertThat(view).isEqualTo("redirect:/clients/42");
		assertThat(flash(redirect)).containsEntry("invitationToken", "tok3n-abc").doesNotContainKey("invitationLink");
	}

	@Test
	void buildsTheDeepLinkWithoutTheAtSignOfTheUsername() {
		ClientController controller = new ClientController(this.clients, this.changes, admin("@KompanionBot"),
				this.core, mock(Mailer.class));
		given(this.clients.find(42L)).willReturn(Optional.of(new Client("ana@example.com", "Ana", null, "es")));
		given(this.changes.issueInvitation(42L)).willReturn("tok3n-abc");
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

		controller.invite(42L, redirect);

		assertThat(flash(redirect)).containsEntry("invitationLink", "https://t.me/KompanionBot?start=tok3n-abc");
	}

	private static Map<String, Object> flash(RedirectAttributesModelMap redirect) {
		return new HashMap<>(redirect.getFlashAttributes());
	}

	private static AdminProperties admin(String botUsername) {
		return new AdminProperties("admin@kompanion.local", null, 5, Duration.ofMinutes(15), botUsername);
	}

}
