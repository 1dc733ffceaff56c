package es.kompanion.bot.slack.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.ClientUnreachable;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketNotFoundException;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketStatusChanged;
import es.kompanion.bot.ticket.Tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.mock;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@ExtendWith(OutputCaptureExtension.class)
class StaffDeskHandlerTests {

	private static final String POSTED = """
			{"ok":true,"channel":"C0STAFF","ts":"1712345678.000100",
			 "message":{"type":"message","subtype":"bot_message","text":"#1042","ts":"1712345678.000100",
			            "username":"kompanion","bot_id":"B1"}}""";

	private static final String UPDATED = """
			{"ok":true,"channel":"C0STAFF","ts":"1712345678.000100","text":"#1042",
			 "message":{"type":"message","text":"#1042","user":"UBOT","bot_id":"B1"}}""";

	private final WireMockServer slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final Tickets tickets = mock(Tickets.class);

	private final JsonMapper json = JsonMapper.builder().build();

	private StaffDeskHandler handler;

	@BeforeEach
	void startSlack() {
		this.slack.start();
		SlackProperties properties = new SlackProperties("xoxb-test", "secret", "", "C0STAFF",
				"http://127.0.0.1:" + this.slack.port() + "/api/", "/slack/events");
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(properties.apiUrl());
		config.setStatsEnabled(false);
		App app = new App(AppConfig.builder()
			.singleTeamBotToken(properties.botToken())
			.signingSecret(properties.signingSecret())
			.slack(Slack.getInstance(config))
			.build());
		FileStore files = mock(FileStore.class);
		this.handler = new StaffDeskHandler(this.tickets, mock(Attachments.class), app,
				new ThreadFileUploads(app, files, properties), properties);
	}

	@AfterEach
	void stopSlack() {
		this.slack.stop();
	}

	@Test
	void postsTheRootWithButtonsAndRemembersItsThread() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, null));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.postRoot(7L));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer xoxb-test");
		assertThat(request.formParameter("channel").firstValue()).isEqualTo("C0STAFF");
		assertThat(request.formParameter("text").firstValue()).contains("#1042");
		JsonNode blocks = this.json.readTree(request.formParameter("blocks").firstValue());
		assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo("#1042 · Contabilidad / Fiscal");
		assertThat(blocks.get(2).get("text").get("text").asString())
			.contains("Necesito el modelo 303 &lt;urgente&gt; &amp; ya");
		assertThat(actionIds(blocks)).containsExactly("ticket_pending", "ticket_close");
		then(this.tickets).should().attachStaffThread(7L, "1712345678.000100");
	}

	@Test
	void saysInTheRootOfAFollowUpWhichTicketItContinues() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, null));
		given(this.tickets.previousOf(7L))
			.willReturn(Optional.of(TicketFixtures.numbered(5L, 1017, TicketStatus.CLOSED)));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.postRoot(7L));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("text").firstValue()).startsWith("#1042").endsWith("continúa la #1017");
		JsonNode blocks = this.json.readTree(request.formParameter("blocks").firstValue());
		assertThat(blocks.get(1).get("fields").toString()).contains("la consulta #1017, ya cerrada");
	}

	@Test
	void saysNothingOfAnEarlierTicketInTheRootOfANewOne() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, null));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.postRoot(7L));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("text").firstValue()).doesNotContain("continúa");
		assertThat(request.formParameter("blocks").firstValue()).doesNotContain("Continúa");
	}

	@Test
	void doesNotPostTheRootTwice() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));

		this.handler.deliver(StaffDeskUpdate.postRoot(7L));

		this.slack.verify(0, anyRequestedFor(anyUrl()));
		then(this.tickets).should().summary(7L);
		then(this.tickets).shouldHaveNoMoreInteractions();
	}

	@Test
	void refreshesTheRootForAClosedTicket() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.CLOSED, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.update").willReturn(okJson(UPDATED)));

		this.handler.deliver(StaffDeskUpdate.refreshRoot(7L));

		LoggedRequest request = onlyRequestTo("chat.update");
		assertThat(request.formParameter("channel").firstValue()).isEqualTo("C0STAFF");
		assertThat(request.formParameter("ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		JsonNode blocks = this.json.readTree(request.formParameter("blocks").firstValue());
		assertThat(actionIds(blocks)).containsExactly("ticket_reopen");
		assertThat(request.formParameter("blocks").firstValue()).contains("🔴 Cerrado");
	}

	@Test
	void postsTheClientMessageInTheThread() throws Exception {
		TicketMessage message = mock(TicketMessage.class);
		given(message.getBody()).willReturn("Adjunto <factura> & recibo");
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		given(this.tickets.message(11L)).willReturn(message);
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.postInThread(7L, 11L));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		assertThat(request.formParameter("text").firstValue())
			.isEqualTo(":bust_in_silhouette: *Ana &lt;García&gt; &amp; Co*: Adjunto &lt;factura&gt; &amp; recibo");
	}

	@Test
	void notesAStatusChangeInTheThread() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.CLOSED, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.statusNote(new TicketStatusChanged(7L, 1042, 3L, TicketStatus.OPEN,
				TicketStatus.CLOSED, Actor.staff("slack:U024BE7LH"))));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		assertThat(request.formParameter("text").firstValue()).isEqualTo(":lock: Cerrada por <@U024BE7LH>");
	}

	@Test
	void postsAnAnswerFromTheWebInTheThreadWithItsAuthor() throws Exception {
		TicketMessage message = mock(TicketMessage.class);
		given(message.getBody()).willReturn("Ya está <presentado> & pagado");
		given(message.getAuthorRef()).willReturn("staff:42");
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		given(this.tickets.message(12L)).willReturn(message);
		given(this.tickets.staffMemberName(Actor.staff("staff:42"))).willReturn(Optional.of("Marta Gil"));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.staffReply(7L, 12L));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		assertThat(request.formParameter("text").firstValue())
			.isEqualTo(":globe_with_meridians: *Marta Gil* (desde la web): Ya está &lt;presentado&gt; &amp; pagado");
	}

	@Test
	void signsAnAnswerFromTheWebAsTheTeamWhenItsAuthorIsGone() throws Exception {
		TicketMessage message = mock(TicketMessage.class);
		given(message.getBody()).willReturn("Hecho");
		given(message.getAuthorRef()).willReturn("staff:42");
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		given(this.tickets.message(12L)).willReturn(message);
		given(this.tickets.staffMemberName(any())).willReturn(Optional.empty());
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.staffReply(7L, 12L));

		assertThat(onlyRequestTo("chat.postMessage").formParameter("text").firstValue())
			.isEqualTo(":globe_with_meridians: *Equipo (web)* (desde la web): Hecho");
	}

	@Test
	void namesTheStaffMemberWhoChangedTheStatusInTheWeb() throws Exception {
		given(this.tickets.summary(7L))
			.willReturn(TicketFixtures.ticket(TicketStatus.PENDING_CLIENT, TicketFixtures.THREAD));
		given(this.tickets.staffMemberName(Actor.staff("staff:42"))).willReturn(Optional.of("Marta Gil"));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.statusNote(new TicketStatusChanged(7L, 1042, 3L, TicketStatus.OPEN,
				TicketStatus.PENDING_CLIENT, Actor.staffMember(42L))));

		assertThat(onlyRequestTo("chat.postMessage").formParameter("text").firstValue())
			.isEqualTo(":hourglass_flowing_sand: Pendiente de cliente por Marta Gil (web)");
	}

	@Test
	void givesUpOnAnAnswerFromTheWebThatIsGone() {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		given(this.tickets.message(12L)).willThrow(new IllegalArgumentException("No message"));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.staffReply(7L, 12L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		this.slack.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not_in_channel", "channel_not_found", "is_archived", "invalid_auth", "not_authed",
			"account_inactive", "token_revoked", "token_expired", "missing_scope", "no_permission", "restricted_action",
			"team_access_not_granted", "ekm_access_denied" })
	void keepsTryingWhileTheSlackSetupNeedsAnAdmin(String error) {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, null));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(refusal(error))));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.postRoot(7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue())
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isNull())
			.withMessageContaining(error);
		then(this.tickets).should(never()).attachStaffThread(anyLong(), any());
	}

	@Test
	void tellsTheAdminToInviteTheBotWhenItIsNotInTheStaffChannel(CapturedOutput output) {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, null));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(refusal("not_in_channel"))));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.postRoot(7L)));

		assertThat(output).containsOnlyOnce("WARN")
			.contains("not_in_channel", "invite the bot to the staff channel")
			.doesNotContain("xoxb-test");
	}

	@ParameterizedTest
	@ValueSource(strings = { "msg_too_long", "invalid_blocks", "no_text", "too_many_attachments", "message_not_found",
			"cant_update_message", "edit_window_closed", "an_error_slack_adds_later" })
	void givesUpOnAnUpdateSlackWillNeverTake(String error) {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.update").willReturn(okJson(refusal(error))));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.refreshRoot(7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse())
			.withMessageContaining(error);
	}

	@Test
	void postsTheWholeDescriptionFirstInTheThreadWhenTheRootCutsIt() throws Exception {
		String description = "Necesito <ayuda> & más. " + "x".repeat(3500) + " Fin.";
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticketDescribedAs(description, null));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.postRoot(7L));

		List<LoggedRequest> posts = this.slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
		assertThat(posts).hasSize(2);
		assertThat(posts).filteredOn((message) -> message.formParameter("thread_ts").isPresent())
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
				assertThat(message.formParameter("text").firstValue())
					.isEqualTo(":page_facing_up: *Descripción completa*\n" + "Necesito &lt;ayuda&gt; &amp; más. "
							+ "x".repeat(3500) + " Fin.");
			});
		then(this.tickets).should().attachStaffThread(7L, TicketFixtures.THREAD);
	}

	@Test
	void postsTheWholeDescriptionWhenARootIsDeliveredAgainAfterItsThreadStarted() throws Exception {
		String description = "y".repeat(3500);
		given(this.tickets.summary(7L))
			.willReturn(TicketFixtures.ticketDescribedAs(description, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.postRoot(7L));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		assertThat(request.formParameter("text").firstValue()).endsWith(description);
		then(this.tickets).should(never()).attachStaffThread(anyLong(), any());
	}

	@Test
	void givesUpOnATicketThatIsGone() {
		given(this.tickets.summary(7L)).willThrow(new TicketNotFoundException(7L));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.refreshRoot(7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void waitsAsLongAsSlackAsksWhenRateLimited() {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.update").willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "30")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.refreshRoot(7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue())
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void retriesWhenSlackCannotBeReached() {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		this.slack.stop();

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.refreshRoot(7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void startsTheThreadOnDemandForATicketThatHasNone() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.PENDING_CLIENT, null));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.refreshRoot(7L));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("blocks").firstValue()).contains("#1042");
		this.slack.verify(0, postRequestedFor(urlEqualTo("/api/chat.update")));
		then(this.tickets).should().attachStaffThread(7L, "1712345678.000100");
	}

	@Test
	void warnsInTheThreadWhenTheClientCouldNotBeReached() throws Exception {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate
			.deliveryProblem(new ClientUnreachable(7L, 1042, "TELEGRAM", "Forbidden: bot was blocked by the user")));

		LoggedRequest request = onlyRequestTo("chat.postMessage");
		assertThat(request.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		assertThat(request.formParameter("text").firstValue()).isEqualTo(
				":warning: El último mensaje no le ha llegado al cliente por Telegram: el cliente ha bloqueado el "
						+ "bot. Habrá que contactar por otra vía.");
	}

	private static String refusal(String error) {
		return "{\"ok\":false,\"error\":\"" + error + "\"}";
	}

	private LoggedRequest onlyRequestTo(String method) {
		List<LoggedRequest> requests = this.slack.findAll(postRequestedFor(urlEqualTo("/api/" + method)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static List<String> actionIds(JsonNode blocks) {
		for (JsonNode block : blocks) {
			if ("actions".equals(block.get("type").asString())) {
				return block.get("elements").valueStream().map((button) -> button.get("action_id").asString()).toList();
			}
		}
		return List.of();
	}

}
