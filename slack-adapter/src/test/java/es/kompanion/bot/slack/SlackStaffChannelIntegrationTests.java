package es.kompanion.bot.slack;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.bolt.App;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import es.kompanion.bot.delivery.InboundDeliveries;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.file.LocalFileStore;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.AttachmentAdded;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.IncomingFile;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.ticket.TicketOpened;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.mock;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The adapter as the application wires it, with the core replaced by mocks and Slack by
 * WireMock: requests are signed, parsed and answered by a real Bolt app.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackStaffChannelIntegrationTests {

	private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	private static final String THREAD = "1712345678.000100";

	private static final long TWENTY_MB = 20L * 1024 * 1024;

	private final WireMockServer slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final Tickets tickets = mock(Tickets.class);

	private final Outbox outbox = mock(Outbox.class);

	private final InboundDeliveries deliveries = mock(InboundDeliveries.class);

	private final StaffRepository staff = mock(StaffRepository.class);

	private final Attachments attachments = mock(Attachments.class);

	private LocalFileStore files;

	@BeforeEach
	void startSlack(@TempDir Path folder) {
		this.files = new LocalFileStore(folder, Clock.systemUTC());
		given(this.staff.findBySlackUserId("U024BE7LH")).willReturn(Optional.of(staffMember(true)));
		this.slack.start();
		this.slack.stubFor(post("/api/auth.test").willReturn(okJson("""
				{"ok":true,"url":"https://kompanion.slack.com/","team":"Kompanion","user":"kompanion",
				 "team_id":"T1","user_id":"UBOT","bot_id":"B1","is_enterprise_install":false}""")));
	}

	@AfterEach
	void stopSlack() {
		this.slack.stop();
	}

	@Test
	void staysOffUntilEverythingIsSet(CapturedOutput output) {
		runner().withPropertyValues("kompanion.slack.bot-token=xoxb-test", "kompanion.slack.staff-channel=C0STAFF")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(App.class).doesNotHaveBean(OutboxHandler.class);
				assertThat(context).doesNotHaveBean("slackEventsController").doesNotHaveBean("slackSocketMode");
			});

		assertThat(output).contains("Slack staff channel off: SLACK_BOT_TOKEN, SLACK_STAFF_CHANNEL and "
				+ "SLACK_SIGNING_SECRET or SLACK_APP_TOKEN are not all set");
	}

	@Test
	void receivesHttpEventsWithASigningSecret(CapturedOutput output) {
		httpMode().run((context) -> {
			assertThat(context).hasSingleBean(App.class);
			assertThat(context).hasBean("slackEventsController").doesNotHaveBean("slackSocketMode");
			assertThat(context.getBeansOfType(OutboxHandler.class).values()).extracting(OutboxHandler::topic)
				.containsExactlyInAnyOrder("SLACK_STAFF", "SLACK_FILE");
		});

		assertThat(output).contains("Slack staff channel on (HTTP events at /slack/events)");
	}

	@Test
	void usesSocketModeWithAnAppToken(CapturedOutput output) {
		this.slack.stubFor(post("/api/apps.connections.open").willReturn(okJson("""
				{"ok":false,"error":"invalid_auth"}""")));

		httpMode().withPropertyValues("kompanion.slack.app-token=xapp-test").run((context) -> {
			assertThat(context).hasSingleBean(App.class).hasBean("slackSocketMode");
			assertThat(context).doesNotHaveBean("slackEventsController");

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/api/apps.connections.open"))
					.withHeader("Authorization", equalTo("Bearer xapp-test"))));
		});

		assertThat(output).contains("Slack staff channel on (Socket Mode)");
	}

	@Test
	void queuesTheRootMessageWhenATicketOpens() {
		httpMode().run((context) -> {
			context.publishEvent(new TicketOpened(7L, 1042, 3L));

			then(this.outbox).should().enqueue(eq("SLACK_STAFF"), eq("slack-ticket:7"), any());
		});
	}

	@Test
	void answersUrlVerification() {
		httpMode().run((context) -> {
			String body = """
					{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl",
					 "challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

			mvc(context).perform(signed(events(MediaType.APPLICATION_JSON), body))
				.andExpect(status().isOk())
				.andExpect(content().string("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
		});
	}

	@Test
	void recordsAStaffReplyInATicketThreadOnce() {
		given(this.tickets.findByStaffThread(THREAD)).willReturn(Optional.of(ticket()));
		claimsEachDeliveryOnceInATransaction();

		httpMode().run((context) -> {
			String body = message("Ev0PV52K25", "\"user\":\"U024BE7LH\"",
					"Hola &lt;Ana&gt;, ya está presentado. Mira <https://kompanion.es/303|el justificante>");
			MockMvc mvc = mvc(context);

			mvc.perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());
			mvc.perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());
		});

		then(this.tickets).should()
			.addStaffReply(7L, Actor.staff("slack:U024BE7LH"),
					"Hola <Ana>, ya está presentado. Mira el justificante (https://kompanion.es/303)",
					"1712345999.000200", List.of(), Channel.SLACK);
	}

	@Test
	void recordsAStaffReplyDeliveredUnderTwoEventIdsOnce() {
		given(this.tickets.findByStaffThread(THREAD)).willReturn(Optional.of(ticket()));
		claimsEachDeliveryOnceInATransaction();

		httpMode().run((context) -> {
			MockMvc mvc = mvc(context);

			mvc.perform(signed(events(MediaType.APPLICATION_JSON),
					message("Ev0PV52K25", "\"user\":\"U024BE7LH\"", "Hecho")))
				.andExpect(status().isOk());
			mvc.perform(signed(events(MediaType.APPLICATION_JSON),
					message("Ev0PV52K99", "\"user\":\"U024BE7LH\"", "Hecho")))
				.andExpect(status().isOk());
		});

		then(this.tickets).should()
			.addStaffReply(7L, Actor.staff("slack:U024BE7LH"), "Hecho", "1712345999.000200", List.of(), Channel.SLACK);
	}

	@Test
	void rejectsABadSignatureWithoutTouchingTickets() {
		httpMode().run((context) -> {
			String body = message("Ev0PV52K25", "\"user\":\"U024BE7LH\"", "Hola");
			long now = Instant.now().getEpochSecond();

			mvc(context)
				.perform(events(MediaType.APPLICATION_JSON).header("X-Slack-Request-Timestamp", String.valueOf(now))
					.header("X-Slack-Signature", sign("not-the-secret", now, body))
					.content(body))
				.andExpect(status().isUnauthorized());
		});

		verifyNoInteractions(this.tickets, this.deliveries);
	}

	@Test
	void ignoresMessagesWrittenByBots() {
		httpMode().run((context) -> {
			String body = message("Ev0PV52K26", "\"user\":\"U0OTHERAPP\",\"bot_id\":\"B2\"", "Recordatorio");

			mvc(context).perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());
		});

		verifyNoInteractions(this.tickets, this.deliveries);
	}

	@Test
	void ignoresThreadsOutsideTheStaffChannel() {
		httpMode().run((context) -> {
			String body = message("Ev0PV52K27", "\"user\":\"U024BE7LH\"", "Hola").replace("C0STAFF", "C0GENERAL");

			mvc(context).perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());
		});

		verifyNoInteractions(this.tickets, this.deliveries);
	}

	@Test
	void closesATicketWhenStaffPressClose() {
		given(this.deliveries.claim("SLACK", "action:1712346000.123456:U024BE7LH")).willReturn(true);
		given(this.tickets.changeStatus(7L, TicketStatus.CLOSED, Actor.staff("slack:U024BE7LH"))).willReturn(true);

		httpMode().run((context) -> {
			String body = buttonPress("ticket_close");

			mvc(context).perform(signed(events(MediaType.APPLICATION_FORM_URLENCODED), body))
				.andExpect(status().isOk());
		});

		then(this.tickets).should().changeStatus(7L, TicketStatus.CLOSED, Actor.staff("slack:U024BE7LH"));
	}

	@Test
	void aPressThatLosesARaceWithAnotherSaysTheTicketWasAlreadySo() {
		this.slack.stubFor(post("/actions/T1/1/xyz").willReturn(ok("ok")));
		given(this.deliveries.claim(anyString(), anyString())).willReturn(true);
		given(this.tickets.changeStatus(7L, TicketStatus.PENDING_CLIENT, Actor.staff("slack:U024BE7LH")))
			.willThrow(new org.springframework.orm.ObjectOptimisticLockingFailureException("Ticket", 7L))
			.willReturn(false);

		httpMode().run((context) -> {
			String body = buttonPress("ticket_pending");

			mvc(context).perform(signed(events(MediaType.APPLICATION_FORM_URLENCODED), body))
				.andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/actions/T1/1/xyz"))
					.withRequestBody(containing("ya estaba así"))));
		});
	}

	@Test
	void tellsOnlyThePresserWhenAMoveIsNotAllowed() {
		this.slack.stubFor(post("/actions/T1/1/xyz").willReturn(ok("ok")));
		given(this.deliveries.claim(anyString(), anyString())).willReturn(true);
		given(this.tickets.changeStatus(7L, TicketStatus.PENDING_CLIENT, Actor.staff("slack:U024BE7LH")))
			.willThrow(new IllegalStateException("Ticket 1042 is CLOSED"));

		httpMode().run((context) -> {
			String body = buttonPress("ticket_pending");

			mvc(context).perform(signed(events(MediaType.APPLICATION_FORM_URLENCODED), body))
				.andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/actions/T1/1/xyz"))
					.withRequestBody(containing("\"response_type\":\"ephemeral\""))
					.withRequestBody(containing("no es posible"))));
		});

		nothingReachesTheClient();
	}

	@Test
	void refusesAButtonPressFromSomeoneWhoIsNotStaffAndTellsOnlyThem() {
		given(this.staff.findBySlackUserId("U024BE7LH")).willReturn(Optional.empty());
		this.slack.stubFor(post("/actions/T1/1/xyz").willReturn(ok("ok")));

		httpMode().run((context) -> {
			String body = buttonPress("ticket_close");

			mvc(context).perform(signed(events(MediaType.APPLICATION_FORM_URLENCODED), body))
				.andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/actions/T1/1/xyz"))
					.withRequestBody(containing("\"response_type\":\"ephemeral\""))
					.withRequestBody(containing("No tienes permiso para cambiar consultas. Pide a un administrador "
							+ "que te registre como equipo con tu usuario de Slack."))));
		});

		then(this.tickets).should(never()).changeStatus(any(), any(), any());
		verifyNoInteractions(this.deliveries);
	}

	@Test
	void refusesAButtonPressFromDeactivatedStaff() {
		given(this.staff.findBySlackUserId("U024BE7LH")).willReturn(Optional.of(staffMember(false)));
		this.slack.stubFor(post("/actions/T1/1/xyz").willReturn(ok("ok")));

		httpMode().run((context) -> {
			String body = buttonPress("ticket_pending");

			mvc(context).perform(signed(events(MediaType.APPLICATION_FORM_URLENCODED), body))
				.andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/actions/T1/1/xyz"))
					.withRequestBody(containing("No tienes permiso"))));
		});

		then(this.tickets).should(never()).changeStatus(any(), any(), any());
	}

	@Test
	void keepsAThreadReplyFromSomeoneWhoIsNotStaffAwayFromTheClientAndTellsThemOnce() {
		given(this.staff.findBySlackUserId("U0STRANGER")).willReturn(Optional.empty());
		given(this.tickets.findByStaffThread(THREAD)).willReturn(Optional.of(ticket()));
		claimsEachDeliveryOnceInATransaction();
		this.slack.stubFor(post("/api/chat.postEphemeral").willReturn(okJson("""
				{"ok":true,"message_ts":"1712345999.000300"}""")));

		httpMode().run((context) -> {
			String body = message("Ev0PV52K40", "\"user\":\"U0STRANGER\"", "Te lo miro yo");
			MockMvc mvc = mvc(context);

			mvc.perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());
			mvc.perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))
					.withFormParam("user", equalTo("U0STRANGER"))
					.withFormParam("thread_ts", equalTo(THREAD))
					.withFormParam("text",
							containing("No se ha enviado al cliente: no estás registrado como equipo."))));
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(1, postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))));
		});

		nothingReachesTheClient();
	}

	@Test
	void keepsAThreadReplyFromDeactivatedStaffAwayFromTheClient() {
		given(this.staff.findBySlackUserId("U024BE7LH")).willReturn(Optional.of(staffMember(false)));
		given(this.tickets.findByStaffThread(THREAD)).willReturn(Optional.of(ticket()));
		claimsEachDeliveryOnceInATransaction();
		this.slack.stubFor(post("/api/chat.postEphemeral").willReturn(okJson("""
				{"ok":true,"message_ts":"1712345999.000300"}""")));

		httpMode().run((context) -> {
			String body = message("Ev0PV52K41", "\"user\":\"U024BE7LH\"", "Hecho");

			mvc(context).perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))));
		});

		nothingReachesTheClient();
	}

	@Test
	void sendsAFileStaffShareInTheThreadToTheClientAndFetchesItFromSlackWithTheBotToken() throws Exception {
		byte[] pdf = "%PDF-1.7 modelo 303, primer trimestre".getBytes(StandardCharsets.UTF_8);
		given(this.tickets.findByStaffThread(THREAD)).willReturn(Optional.of(ticket()));
		claimsEachDeliveryOnceInATransaction();
		slackHoldsFile("F0S43PZDF", "modelo_303.pdf", pdf);

		httpMode().run((context) -> {
			String body = fileShare("Ev0PV52K50", "",
					file("F0S43PZDF", "modelo_303.pdf", "application/pdf", pdf.length));
			mvc(context).perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());

			then(this.tickets).should()
				.addStaffReply(7L, Actor.staff("slack:U024BE7LH"), "", "1712345999.000200",
						List.of(new IncomingFile("F0S43PZDF", "modelo_303.pdf", "application/pdf", pdf.length)),
						Channel.SLACK);

			context.publishEvent(new AttachmentAdded(32L, 7L, AttachmentDirection.FROM_STAFF, Channel.SLACK));
			ArgumentCaptor<Object> fetch = ArgumentCaptor.forClass(Object.class);
			then(this.outbox).should().enqueue(eq("SLACK_FILE"), eq("slack-file:7"), fetch.capture());
			handlerOf(context, "SLACK_FILE").deliver(fetch.getValue());
		});

		ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
		then(this.attachments).should().stored(eq(32L), key.capture(), eq((long) pdf.length), any(), any());
		try (InputStream stored = this.files.open(key.getValue())) {
			assertThat(stored.readAllBytes()).isEqualTo(pdf);
		}
		this.slack.verify(getRequestedFor(urlEqualTo("/files-pri/T1-F0S43PZDF/download/modelo_303.pdf"))
			.withHeader("Authorization", equalTo("Bearer xoxb-test")));
	}

	@Test
	void keepsAnExecutableAndAFileOverTwentyMegabytesFromTheClientAndTellsOnlyTheirSenderOnce() {
		given(this.tickets.findByStaffThread(THREAD)).willReturn(Optional.of(ticket()));
		claimsEachDeliveryOnceInATransaction();
		this.slack.stubFor(post("/api/chat.postEphemeral").willReturn(okJson("""
				{"ok":true,"message_ts":"1712345999.000300"}""")));

		httpMode().run((context) -> {
			String body = fileShare("Ev0PV52K51", "",
					file("F0EXE00001", "factura.pdf.exe", "application/x-msdownload", 52_000) + ","
							+ file("F0MP400002", "grabacion llamada.mp4", "video/mp4", TWENTY_MB + 1));
			MockMvc mvc = mvc(context);

			mvc.perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());
			mvc.perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))
					.withFormParam("user", equalTo("U024BE7LH"))
					.withFormParam("thread_ts", equalTo(THREAD))
					.withFormParam("text",
							equalTo(":no_entry_sign: No le ha llegado al cliente:\n"
									+ "• «factura.pdf.exe»: ese tipo de archivo no está permitido\n"
									+ "• «grabacion llamada.mp4»: pesa más de 20 MB"))));
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(1, postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))));
		});

		nothingReachesTheClient();
	}

	@Test
	void sendsTheTextAndTheAllowedFileOfAReplyButNotTheRefusedOne() {
		given(this.tickets.findByStaffThread(THREAD)).willReturn(Optional.of(ticket()));
		claimsEachDeliveryOnceInATransaction();
		this.slack.stubFor(post("/api/chat.postEphemeral").willReturn(okJson("""
				{"ok":true,"message_ts":"1712345999.000300"}""")));

		httpMode().run((context) -> {
			String body = fileShare("Ev0PV52K52", "Te adjunto el modelo",
					file("F0S43PZDF", "modelo_303.pdf", "application/pdf", 4096) + ","
							+ file("F0EXE00001", "instalador.exe", "application/x-msdownload", 52_000));

			mvc(context).perform(signed(events(MediaType.APPLICATION_JSON), body)).andExpect(status().isOk());

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.slack.verify(postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))
					.withFormParam("text", containing("«instalador.exe»: ese tipo de archivo no está permitido"))
					.withFormParam("text", containing("El resto de tu respuesta sí se ha enviado."))));
		});

		then(this.tickets).should()
			.addStaffReply(7L, Actor.staff("slack:U024BE7LH"), "Te adjunto el modelo", "1712345999.000200",
					List.of(new IncomingFile("F0S43PZDF", "modelo_303.pdf", "application/pdf", 4096)), Channel.SLACK);
	}

	@SuppressWarnings("unchecked")
	private static OutboxHandler<Object> handlerOf(WebApplicationContext context, String topic) {
		return context.getBeansOfType(OutboxHandler.class)
			.values()
			.stream()
			.filter((handler) -> topic.equals(handler.topic()))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Makes the attachment pending and lets Slack describe and serve the file, the
	 * download only to the bot token.
	 */
	private void slackHoldsFile(String fileId, String name, byte[] content) {
		TicketAttachment attachment = mock(TicketAttachment.class);
		given(attachment.getId()).willReturn(32L);
		given(attachment.getStatus()).willReturn(AttachmentStatus.PENDING);
		given(attachment.getSourceRef()).willReturn(fileId);
		given(attachment.getFileName()).willReturn(name);
		given(this.attachments.find(32L)).willReturn(Optional.of(attachment));
		String download = "/files-pri/T1-" + fileId + "/download/" + name;
		this.slack.stubFor(post("/api/files.info").withFormParam("file", equalTo(fileId))
			.willReturn(okJson("""
					{"ok":true,"file":%s,"comments":[],"response_metadata":{"next_cursor":""}}"""
				.formatted(file(fileId, name, "application/pdf", content.length).replace("https://files.slack.com",
						slackUrl())))));
		this.slack.stubFor(get(download).withHeader("Authorization", equalTo("Bearer xoxb-test"))
			.willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(content)));
	}

	/**
	 * A file object as Slack puts it in a message event and in {@code files.info}.
	 */
	private static String file(String id, String name, String mimetype, long size) {
		return """
				{"id":"%1$s","created":1712345990,"timestamp":1712345990,"name":"%2$s","title":"%2$s",
				 "mimetype":"%3$s","filetype":"","pretty_type":"","user":"U024BE7LH","user_team":"T1",
				 "editable":false,"size":%4$d,"mode":"hosted","is_external":false,"external_type":"",
				 "is_public":false,"public_url_shared":false,"display_as_bot":false,"username":"",
				 "url_private":"https://files.slack.com/files-pri/T1-%1$s/%2$s",
				 "url_private_download":"https://files.slack.com/files-pri/T1-%1$s/download/%2$s",
				 "permalink":"https://kompanion.slack.com/files/U024BE7LH/%1$s/%2$s","has_rich_preview":false,
				 "file_access":"visible"}""".formatted(id, name, mimetype, size);
	}

	private static String fileShare(String eventId, String text, String files) {
		return """
				{"token":"XXYYZZ","team_id":"T1","api_app_id":"A0KRD7HC3","type":"event_callback",
				 "event_id":"%s","event_time":1712345999,
				 "authorizations":[{"team_id":"T1","user_id":"UBOT","is_bot":true,"is_enterprise_install":false}],
				 "event":{"type":"message","subtype":"file_share","text":"%s","files":[%s],"upload":false,
				          "user":"U024BE7LH","display_as_bot":false,"ts":"1712345999.000200","thread_ts":"%s",
				          "parent_user_id":"UBOT","channel":"C0STAFF","channel_type":"channel",
				          "event_ts":"1712345999.000200"}}""".formatted(eventId, text, files, THREAD);
	}

	private void nothingReachesTheClient() {
		then(this.tickets).should(never()).addStaffReply(any(), any(), any(), any());
		then(this.tickets).should(never()).addStaffReply(any(), any(), any(), any(), any(), any());
	}

	private static Staff staffMember(boolean active) {
		Staff member = new Staff("Marta", "marta@kompanion.es", StaffRole.STAFF, Set.of(Department.LABOUR));
		member.describe("Marta", "marta@kompanion.es", "U024BE7LH", StaffRole.STAFF, Set.of(Department.LABOUR));
		if (!active) {
			member.deactivate();
		}
		return member;
	}

	/**
	 * Answers claims as the database does: the first claim of a delivery wins, and only
	 * inside a transaction.
	 */
	private void claimsEachDeliveryOnceInATransaction() {
		Set<String> claimed = new HashSet<>();
		given(this.deliveries.claim(anyString(), anyString()))
			.willAnswer((invocation) -> TransactionSynchronizationManager.isActualTransactionActive()
					&& claimed.add(invocation.getArgument(0) + "/" + invocation.getArgument(1)));
	}

	private WebApplicationContextRunner runner() {
		return new WebApplicationContextRunner().withUserConfiguration(SlackAdapter.class)
			.withBean(Tickets.class, () -> this.tickets)
			.withBean(Outbox.class, () -> this.outbox)
			.withBean(InboundDeliveries.class, () -> this.deliveries)
			.withBean(StaffRepository.class, () -> this.staff)
			.withBean(Attachments.class, () -> this.attachments)
			.withBean(FileStore.class, () -> this.files)
			.withBean(FilePolicy.class, () -> new FilePolicy(TWENTY_MB))
			.withBean(TransactionTemplate.class, TestTransactions::template);
	}

	private WebApplicationContextRunner httpMode() {
		return runner().withPropertyValues("kompanion.slack.bot-token=xoxb-test",
				"kompanion.slack.signing-secret=" + SECRET, "kompanion.slack.staff-channel=C0STAFF",
				"kompanion.slack.api-url=" + slackUrl() + "/api/");
	}

	private String slackUrl() {
		return "http://127.0.0.1:" + this.slack.port();
	}

	private static MockMvc mvc(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).build();
	}

	private static MockHttpServletRequestBuilder events(MediaType type) {
		return MockMvcRequestBuilders.post("/slack/events").contentType(type);
	}

	private static MockHttpServletRequestBuilder signed(MockHttpServletRequestBuilder request, String body) {
		long now = Instant.now().getEpochSecond();
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Slack-Request-Timestamp", String.valueOf(now));
		headers.add("X-Slack-Signature", sign(SECRET, now, body));
		return request.headers(headers).content(body);
	}

	/**
	 * Signs a request as Slack documents it: {@code v0=} and the hex HMAC-SHA256 of
	 * {@code v0:<timestamp>:<body>} under the signing secret.
	 */
	private static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String message(String eventId, String author, String text) {
		return """
				{"token":"XXYYZZ","team_id":"T1","api_app_id":"A0KRD7HC3","type":"event_callback",
				 "event_id":"%s","event_time":1712345999,
				 "authorizations":[{"team_id":"T1","user_id":"UBOT","is_bot":true,"is_enterprise_install":false}],
				 "event":{"type":"message","channel":"C0STAFF",%s,"text":"%s","ts":"1712345999.000200",
				          "thread_ts":"%s","parent_user_id":"UBOT","channel_type":"channel",
				          "event_ts":"1712345999.000200"}}""".formatted(eventId, author, text, THREAD);
	}

	private String buttonPress(String actionId) {
		String payload = """
				{"type":"block_actions","user":{"id":"U024BE7LH","username":"marta","name":"marta","team_id":"T1"},
				 "api_app_id":"A0KRD7HC3","token":"XXYYZZ",
				 "container":{"type":"message","message_ts":"%s","channel_id":"C0STAFF","is_ephemeral":false},
				 "trigger_id":"13345224609.738474920.8088930838d88f008e0","team":{"id":"T1","domain":"kompanion"},
				 "channel":{"id":"C0STAFF","name":"soporte"},"response_url":"%s/actions/T1/1/xyz",
				 "message":{"type":"message","user":"UBOT","ts":"%s","text":"#1042"},
				 "actions":[{"action_id":"%s","block_id":"ticket_actions","value":"7","type":"button",
				             "text":{"type":"plain_text","text":"x","emoji":true},"action_ts":"1712346000.123456"}]}"""
			.formatted(THREAD, slackUrl(), THREAD, actionId);
		return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
	}

	private static TicketSummary ticket() {
		Instant created = Instant.parse("2026-12-01T09:30:00Z");
		return new TicketSummary(7L, 1042, 3L, "Ana", null, Department.LABOUR, TicketStatus.OPEN, "Alta de un empleado",
				Channel.TELEGRAM, THREAD, created, created);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@ComponentScan(basePackageClasses = SlackProperties.class,
			excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SlackAdapter.class))
	static class SlackAdapter {

	}

}
