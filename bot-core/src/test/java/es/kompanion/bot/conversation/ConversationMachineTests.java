package es.kompanion.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.mail.Mailer;
import es.kompanion.bot.resource.FaqEntry;
import es.kompanion.bot.resource.FiscalDeadline;
import es.kompanion.bot.resource.Resources;
import es.kompanion.bot.survey.RatingOutcome;
import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.ClientPost;
import es.kompanion.bot.ticket.ClientPostOutcome;
import es.kompanion.bot.ticket.IncomingFile;
import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.LinkedClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The conversation machine's transitions, run through the real machine with the domain
 * services mocked: every step, cancel at every step, and input that a step does not take.
 */
@SpringJUnitConfig(ConversationMachineTests.Config.class)
class ConversationMachineTests {

	private static final ChatAccount ACCOUNT = new ChatAccount(Channel.TELEGRAM, "42", "42", "Ana");

	private static final LinkedClient CLIENT = new LinkedClient(7L, "Ana Pérez", "Pérez SL", "es",
			"https://drive.example/ana", null);

	private static final String DESCRIPTION = "Necesito el modelo 303 del tercer trimestre";

	@Autowired
	private ConversationRunner runner;

	@MockitoBean
	private Tickets tickets;

	@MockitoBean
	private Surveys surveys;

	@MockitoBean
	private Resources resources;

	@MockitoBean
	private ConversationRepository repository;

	@MockitoBean
	private JdbcTemplate jdbc;

	@MockitoBean
	private SentMessages sentMessages;

	@MockitoBean
	private Clients clients;

	@MockitoBean
	private Mailer mailer;

	private final Conversation conversation = new Conversation();

	private final AtomicInteger deliveries = new AtomicInteger();

	@Test
	void opensTicketAfterDepartmentDescriptionAndConfirm() {
		given(this.tickets.open(anyLong(), any(), any(ClientPost.class), any()))
			.willReturn(ticket(55L, 1042, TicketStatus.OPEN));

		List<Reply> picker = press(Signal.NEW_TICKET);
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CHOOSING_DEPARTMENT);
		assertThat(actions(picker.get(0))).contains(Signal.department(Department.LABOUR), Signal.CANCEL);

		List<Reply> askText = press(Signal.department(Department.LABOUR));
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_DESCRIPTION);
		assertThat(text(askText)).contains("Laboral");

		List<Reply> summary = write(DESCRIPTION);
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CONFIRMING_TICKET);
		assertThat(text(summary)).contains("Laboral", DESCRIPTION);
		assertThat(actions(summary.get(0))).contains(Signal.CONFIRM, Signal.CHANGE_DEPARTMENT, Signal.CHANGE_TEXT,
				Signal.CANCEL);

		List<Reply> created = press(Signal.CONFIRM);

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(created)).contains("#1042");
		then(this.tickets).should().open(7L, Department.LABOUR, ClientPost.text(DESCRIPTION), Channel.TELEGRAM);
		assertThat(this.conversation.getVariables()).isEqualTo("{}");
	}

	@Test
	void rejectsEmptyAndShortDescriptionsWithAHint() {
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.OTHER));

		List<Reply> shortText = write("ayuda");
		List<Reply> blank = write("   \n ");

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_DESCRIPTION);
		assertThat(text(shortText)).contains("10", "4000");
		assertThat(text(blank)).contains("No te he entendido");
		then(this.tickets).should(never()).open(anyLong(), any(), any(ClientPost.class), any());
	}

	@Test
	void rejectsADescriptionOverTheLimit() {
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.OTHER));

		List<Reply> tooLong = write("x".repeat(4001));

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_DESCRIPTION);
		assertThat(text(tooLong)).contains("4000");
	}

	@Test
	void changesDepartmentAndTextFromTheSummaryKeepingTheRest() {
		given(this.tickets.open(anyLong(), any(), any(ClientPost.class), any()))
			.willReturn(ticket(55L, 1042, TicketStatus.OPEN));
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.LABOUR));
		write(DESCRIPTION);

		press(Signal.CHANGE_DEPARTMENT);
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CHOOSING_DEPARTMENT);
		List<Reply> summary = press(Signal.department(Department.INTEGRATIONS));
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CONFIRMING_TICKET);
		assertThat(text(summary)).contains("Integraciones", DESCRIPTION);

		press(Signal.CHANGE_TEXT);
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_DESCRIPTION);
		write("Otra cosa: la nómina de marzo de dos empleados");
		press(Signal.CONFIRM);

		then(this.tickets).should()
			.open(7L, Department.INTEGRATIONS, ClientPost.text("Otra cosa: la nómina de marzo de dos empleados"),
					Channel.TELEGRAM);
	}

	@ParameterizedTest
	@EnumSource(value = ConversationState.class, names = { "CHOOSING_DEPARTMENT", "WRITING_DESCRIPTION",
			"CONFIRMING_TICKET", "WRITING_REPLY", "CHOOSING_TICKET_FOR_TEXT", "WRITING_SURVEY_COMMENT" })
	void cancelsFromEveryStepAndForgetsTheDraft(ConversationState step) {
		reach(step);

		List<Reply> cancelled = press(Signal.CANCEL);

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(this.conversation.getVariables()).isEqualTo("{}");
		assertThat(text(cancelled)).contains("No se ha enviado nada");
		then(this.tickets).should(never()).open(anyLong(), any(), any(ClientPost.class), any());
		then(this.tickets).should(never()).post(anyLong(), anyLong(), any(), any());
	}

	@Test
	void cancelCommandWorksLikeTheButton() {
		reach(ConversationState.CONFIRMING_TICKET);

		write("/cancelar");

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
	}

	@ParameterizedTest
	@EnumSource(value = ConversationState.class, names = { "CHOOSING_DEPARTMENT" })
	void answersTextWhereButtonsAreExpectedWithTheSameStepAgain(ConversationState step) {
		reach(step);
		String before = this.conversation.getVariables();

		List<Reply> answer = write("esto no es un botón válido");

		assertThat(this.conversation.getState()).isEqualTo(step);
		assertThat(this.conversation.getVariables()).isEqualTo(before);
		assertThat(text(answer)).startsWith("No te he entendido");
		assertThat(answer).hasSize(2);
		assertThat(answer.get(1).choices()).isNotEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = ConversationState.class, names = { "IDLE", "CHOOSING_DEPARTMENT", "WRITING_DESCRIPTION",
			"CONFIRMING_TICKET", "WRITING_REPLY", "CHOOSING_TICKET_FOR_TEXT", "WRITING_SURVEY_COMMENT" })
	void answersAStaleButtonWithTheCurrentStep(ConversationState step) {
		reach(step);
		String stale = (step == ConversationState.CONFIRMING_TICKET) ? Signal.SKIP : Signal.CONFIRM;

		List<Reply> answer = press(stale);

		assertThat(this.conversation.getState()).isEqualTo(step);
		assertThat(text(answer)).startsWith("Ese botón ya no está activo");
	}

	@Test
	void answersGarbledButtonDataAsStale() {
		List<Reply> answer = press("d:99");

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(answer)).startsWith("Ese botón ya no está activo");
	}

	@Test
	void asksWhichTicketFreeTextBelongsToAndAddsItThere() {
		given(this.tickets.unresolvedOf(7L, 5)).willReturn(List.of(ticket(55L, 1042, TicketStatus.PENDING_CLIENT)));
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.PENDING_CLIENT)));
		givenPostsAdd(55L, 1042);

		List<Reply> question = write("Ya os he mandado las facturas");
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CHOOSING_TICKET_FOR_TEXT);
		assertThat(actions(question.get(0))).contains(Signal.addTo(55L), Signal.NEW_TICKET_FROM_TEXT);

		List<Reply> added = press(Signal.addTo(55L));

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(added)).contains("#1042");
		then(this.tickets).should().post(55L, 7L, ClientPost.text("Ya os he mandado las facturas"), Channel.TELEGRAM);
	}

	@Test
	void turnsFreeTextIntoANewTicketWithItAsDescription() {
		given(this.tickets.open(anyLong(), any(), any(ClientPost.class), any()))
			.willReturn(ticket(56L, 1043, TicketStatus.OPEN));
		write("Quiero darme de alta como autónomo en abril");

		press(Signal.NEW_TICKET_FROM_TEXT);
		List<Reply> summary = press(Signal.department(Department.ACCOUNTING_TAX));
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CONFIRMING_TICKET);
		assertThat(text(summary)).contains("Quiero darme de alta como autónomo en abril");
		press(Signal.CONFIRM);

		then(this.tickets).should()
			.open(7L, Department.ACCOUNTING_TAX, ClientPost.text("Quiero darme de alta como autónomo en abril"),
					Channel.TELEGRAM);
	}

	@Test
	void repliesToAnOwnTicketFromItsButton() {
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));
		givenPostsAdd(55L, 1042);

		press(Signal.replyTo(55L));
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_REPLY);
		List<Reply> sent = write("Adjunto el dato que faltaba: 1.250 €");

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(sent)).contains("#1042");
		then(this.tickets).should()
			.post(55L, 7L, ClientPost.text("Adjunto el dato que faltaba: 1.250 €"), Channel.TELEGRAM);
	}

	@Test
	void refusesToReplyToSomebodyElsesTicket() {

		List<Reply> answer = press(Signal.replyTo(99L));

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(answer)).startsWith("Ese botón ya no está activo");
	}

	@Test
	void ratesThenTakesAnOptionalComment() {
		given(this.surveys.rate(55L, 7L, 5)).willReturn(RatingOutcome.RECORDED);

		List<Reply> ask = press(Signal.rate(55L, 5));
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_SURVEY_COMMENT);
		assertThat(actions(ask.get(0))).containsExactly(Signal.SKIP);

		write("Muy rápidos, gracias");

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		then(this.surveys).should().comment(55L, 7L, "Muy rápidos, gracias");
	}

	@Test
	void skipsTheComment() {
		given(this.surveys.rate(55L, 7L, 4)).willReturn(RatingOutcome.RECORDED);
		press(Signal.rate(55L, 4));

		List<Reply> thanks = press(Signal.SKIP);

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(thanks)).contains("Gracias");
		then(this.surveys).should(never()).comment(anyLong(), anyLong(), anyString());
	}

	@Test
	void aSecondRatingDoesNotAskForAnotherComment() {
		given(this.surveys.rate(55L, 7L, 2)).willReturn(RatingOutcome.ALREADY_RATED);

		List<Reply> answer = press(Signal.rate(55L, 2));

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(answer)).contains("Ya habías valorado");
	}

	@Test
	void ratingWhileDraftingKeepsTheDraft() {
		given(this.surveys.rate(55L, 7L, 5)).willReturn(RatingOutcome.RECORDED);
		reach(ConversationState.CONFIRMING_TICKET);
		String draft = this.conversation.getVariables();

		press(Signal.rate(55L, 5));

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CONFIRMING_TICKET);
		assertThat(this.conversation.getVariables()).isEqualTo(draft);
		then(this.surveys).should().rate(eq(55L), eq(7L), anyInt());
	}

	@Test
	void keepsFilesSentWhileDescribingAndOpensTheTicketWithThem() {
		given(this.tickets.open(anyLong(), any(), any(ClientPost.class), any()))
			.willReturn(ticket(55L, 1042, TicketStatus.OPEN));
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.LABOUR));

		List<Reply> kept = send(null, new InboundFile("photo-1", "photo_10.jpg", "image/jpeg", 120_000));
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_DESCRIPTION);
		assertThat(text(kept)).contains("Guardado (1", "Cuéntanos qué necesitas");

		List<Reply> summary = write(DESCRIPTION);
		assertThat(text(summary)).contains("1 archivo");
		press(Signal.CONFIRM);

		then(this.tickets).should()
			.open(7L, Department.LABOUR,
					new ClientPost(DESCRIPTION,
							List.of(new IncomingFile("photo-1", "photo_10.jpg", "image/jpeg", 120_000)), null),
					Channel.TELEGRAM);
	}

	@Test
	void refusesExecutablesAndFilesOverTheLimitBeforeAnythingIsFetched() {
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.OTHER));

		List<Reply> answer = send(null, new InboundFile("f-1", "factura.pdf.exe", "application/pdf", 1000),
				new InboundFile("f-2", "nominas.zip", "application/zip", 25L * 1024 * 1024));

		assertThat(text(answer)).contains("No acepto factura.pdf.exe", "nominas.zip", "20 MB", "enlace");
		assertThat(InboundFiles.clean("informe\u202Efdp.exe\n")).isEqualTo("informefdp.exe");
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_DESCRIPTION);
		assertThat(this.conversation.getVariables()).doesNotContain("f-1", "f-2");
	}

	@Test
	void keepsTheRestOfAnAlbumWithTheMessageItsFirstPartWentTo() {
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));
		givenPostsAdd(55L, 1042);
		press(Signal.replyTo(55L));

		List<Reply> first = this.runner.run(
				new Inbound(ACCOUNT, next(), "es", "Las facturas de marzo", null,
						List.of(new InboundFile("p-1", null, "image/jpeg", 1000)), "301", null, "album-9"),
				CLIENT, this.conversation);
		List<Reply> second = this.runner.run(
				new Inbound(ACCOUNT, next(), "es", null, null,
						List.of(new InboundFile("p-2", null, "image/jpeg", 1000)), "302", null, "album-9"),
				CLIENT, this.conversation);

		assertThat(text(first)).contains("#1042");
		assertThat(second).isEmpty();
		then(this.tickets).should()
			.post(55L, 7L,
					new ClientPost("Las facturas de marzo",
							List.of(new IncomingFile("p-1", "archivo-1.jpg", "image/jpeg", 1000)), "TELEGRAM:42:301"),
					Channel.TELEGRAM);
		then(this.tickets).should()
			.addToClientMessage(900L, 7L, "", List.of(new IncomingFile("p-2", "archivo-1.jpg", "image/jpeg", 1000)),
					Channel.TELEGRAM);
	}

	@Test
	void aCaptionOnALaterPartOfAnAlbumJoinsTheSameMessage() {
		given(this.sentMessages.ticketOf(Channel.TELEGRAM, "42", "777")).willReturn(Optional.of(55L));
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));
		givenPostsAdd(55L, 1042);

		List<Reply> first = this.runner.run(
				new Inbound(ACCOUNT, next(), "es", null, null,
						List.of(new InboundFile("p-1", "photo_1.jpg", "image/jpeg", 1000)), "701", "777", "album-3"),
				CLIENT, this.conversation);
		List<Reply> second = this.runner.run(
				new Inbound(ACCOUNT, next(), "es", "Las facturas que faltaban", null,
						List.of(new InboundFile("p-2", "photo_2.jpg", "image/jpeg", 1000)), "702", "777", "album-3"),
				CLIENT, this.conversation);

		assertThat(text(first)).contains("#1042");
		assertThat(second).isEmpty();
		then(this.tickets).should()
			.addToClientMessage(900L, 7L, "Las facturas que faltaban",
					List.of(new IncomingFile("p-2", "photo_2.jpg", "image/jpeg", 1000)), Channel.TELEGRAM);
	}

	@Test
	void aReplyToTheirOwnEarlierMessageGoesToTheTicketHoldingIt() {
		given(this.tickets.ticketOfClientMessage(7L, "TELEGRAM:42:480")).willReturn(Optional.of(55L));
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));
		givenPostsAdd(55L, 1042);

		List<Reply> answer = this.runner.run(
				new Inbound(ACCOUNT, next(), "es", "Perdón, era el de abril", null, List.of(), "481", "480", null),
				CLIENT, this.conversation);

		assertThat(text(answer)).contains("#1042");
		then(this.tickets).should()
			.post(55L, 7L, new ClientPost("Perdón, era el de abril", List.of(), "TELEGRAM:42:481"), Channel.TELEGRAM);
	}

	@Test
	void aReplyToABotMessageGoesToItsTicketWithoutAsking() {
		given(this.sentMessages.ticketOf(Channel.TELEGRAM, "42", "777")).willReturn(Optional.of(55L));
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.CLOSED)));
		given(this.tickets.post(eq(55L), eq(7L), any(), any()))
			.willReturn(Optional.of(new ClientPostOutcome(ClientPostOutcome.Kind.REOPENED,
					ticket(55L, 1042, TicketStatus.OPEN), 901L, null)));

		List<Reply> answer = this.runner.run(new Inbound(ACCOUNT, next(), "es", "Sigue sin llegar la notificación",
				null, List.of(), "500", "777", null), CLIENT, this.conversation);

		assertThat(text(answer)).contains("reabierto", "#1042");
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		then(this.tickets).should()
			.post(55L, 7L, new ClientPost("Sigue sin llegar la notificación", List.of(), "TELEGRAM:42:500"),
					Channel.TELEGRAM);
	}

	@Test
	void aReplyToAMessageAboutSomebodyElsesTicketPostsNothingThere() {
		given(this.sentMessages.ticketOf(Channel.TELEGRAM, "42", "778")).willReturn(Optional.of(99L));

		List<Reply> answer = this.runner.run(
				new Inbound(ACCOUNT, next(), "es", "Hola, otra cosa", null, List.of(), "501", "778", null), CLIENT,
				this.conversation);

		assertThat(text(answer)).contains("¿Abrimos una nueva con este mensaje?");
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CHOOSING_TICKET_FOR_TEXT);
		then(this.tickets).should(never()).post(anyLong(), anyLong(), any(), any());
	}

	@Test
	void offersTheOpenTicketOfTheSameDepartmentFromTheLastDay() {
		TicketSummary recent = ticket(55L, 1042, TicketStatus.OPEN);
		given(this.tickets.recentUnresolved(eq(7L), eq(Department.LABOUR), any())).willReturn(Optional.of(recent));
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(recent));
		givenPostsAdd(55L, 1042);
		write("Otra cosa sobre la nómina de marzo, por favor");
		press(Signal.NEW_TICKET_FROM_TEXT);

		List<Reply> offer = press(Signal.department(Department.LABOUR));
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.OFFERING_EXISTING);
		assertThat(text(offer)).contains("#1042");
		assertThat(actions(offer.get(0))).contains(Signal.addTo(55L), Signal.NEW_TICKET_ANYWAY, Signal.CANCEL);

		List<Reply> added = press(Signal.addTo(55L));

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		assertThat(text(added)).contains("añadido", "#1042");
		then(this.tickets).should()
			.post(55L, 7L, ClientPost.text("Otra cosa sobre la nómina de marzo, por favor"), Channel.TELEGRAM);
		then(this.tickets).should(never()).open(anyLong(), any(), any(ClientPost.class), any());
	}

	@Test
	void declinedOfferGoesOnWithANewTicket() {
		given(this.tickets.recentUnresolved(eq(7L), eq(Department.LABOUR), any()))
			.willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.LABOUR));

		List<Reply> ask = press(Signal.NEW_TICKET_ANYWAY);

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.WRITING_DESCRIPTION);
		assertThat(text(ask)).contains("Cuéntanos qué necesitas");
	}

	@Test
	void searchesTheirTicketsByWordsAndByNumber() {
		given(this.tickets.searchOwn(eq(7L), eq("modelo 303"), any()))
			.willReturn(new PageImpl<>(List.of(ticket(55L, 1042, TicketStatus.OPEN)), PageRequest.of(0, 5), 1));
		given(this.tickets.findOwnedByNumber(7L, 1042)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));

		List<Reply> prompt = press(Signal.SEARCH);
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.SEARCHING);
		assertThat(text(prompt)).contains("¿Qué buscas?");
		List<Reply> found = write("modelo 303");
		List<Reply> byNumber = write("/buscar #1042");

		assertThat(text(found)).contains("1 consulta(s) con «modelo 303»", "#1042");
		assertThat(actions(found.get(0))).contains(Signal.ticket(55L));
		assertThat(text(byNumber)).contains("#1042", "Departamento");
	}

	@Test
	void switchesLanguageFromAButton() {
		given(this.clients.changeLanguage(7L, "en"))
			.willReturn(new LinkedClient(7L, "Ana Pérez", "Pérez SL", "en", null, null));

		List<Reply> answer = press(Signal.language("en"));

		assertThat(text(answer)).contains("I will speak English", "How can we help");
		then(this.clients).should().changeLanguage(7L, "en");
	}

	@Test
	void moreTextWhileAskedWhichTicketJoinsTheWaitingMessage() {
		given(this.tickets.unresolvedOf(7L, 5)).willReturn(List.of(ticket(55L, 1042, TicketStatus.OPEN)));
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));
		givenPostsAdd(55L, 1042);
		write("Una duda sobre el IVA del trimestre.");

		List<Reply> kept = write("¿Puedo deducir la compra del portátil?");
		press(Signal.addTo(55L));

		assertThat(text(kept)).contains("Lo junto con tu mensaje anterior", "¿A qué consulta");
		then(this.tickets).should()
			.post(55L, 7L,
					ClientPost.text("Una duda sobre el IVA del trimestre.\n\n¿Puedo deducir la compra del portátil?"),
					Channel.TELEGRAM);
	}

	@Test
	void moreTextOnTheSummaryIsAddedToTheDescription() {
		given(this.tickets.open(anyLong(), any(), any(ClientPost.class), any()))
			.willReturn(ticket(55L, 1042, TicketStatus.OPEN));
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.LABOUR));
		write(DESCRIPTION);

		List<Reply> again = write("Y también el 111");
		press(Signal.CONFIRM);

		assertThat(text(again)).contains("Lo he añadido", DESCRIPTION + "\n\nY también el 111");
		then(this.tickets).should()
			.open(7L, Department.LABOUR, ClientPost.text(DESCRIPTION + "\n\nY también el 111"), Channel.TELEGRAM);
	}

	@Test
	void aSecondTapOnTheStarsKeepsTheCommentStep() {
		given(this.surveys.rate(55L, 7L, 5)).willReturn(RatingOutcome.RECORDED, RatingOutcome.ALREADY_RATED);
		press(Signal.rate(55L, 5));

		List<Reply> twice = press(Signal.rate(55L, 5));
		write("Muy rápidos");

		assertThat(text(twice)).contains("comentario");
		then(this.surveys).should().comment(55L, 7L, "Muy rápidos");
	}

	@Test
	void aReplyToABotMessageAboutNoTicketIsAnOrdinaryMessage() {
		given(this.sentMessages.ticketOf(Channel.TELEGRAM, "42", "600")).willReturn(Optional.empty());
		press(Signal.NEW_TICKET);
		press(Signal.department(Department.LABOUR));

		List<Reply> summary = this.runner.run(
				new Inbound(ACCOUNT, next(), "es", DESCRIPTION, null, List.of(), "601", "600", null), CLIENT,
				this.conversation);

		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CONFIRMING_TICKET);
		assertThat(text(summary)).contains(DESCRIPTION);
	}

	@Test
	void forgedAndIncompleteInputGetsAPlainAnswer() {
		assertThat(text(press(Signal.closeTicket(99L)))).contains("No encuentro esa consulta");
		assertThat(text(press("lg:xx"))).contains("Ese botón ya no está activo");
		assertThat(text(write("/estado"))).contains("/estado 1042");
		then(this.tickets).should(never()).changeStatus(anyLong(), any(), any());
	}

	@Test
	void anOldButtonWithNothingUnderWayGetsOneShortAnswer() {
		List<Reply> answer = press(Signal.CONFIRM);

		assertThat(answer).singleElement().satisfies((reply) -> {
			assertThat(reply.text().plainText()).startsWith("Ese botón ya no está activo");
			assertThat(actions(reply)).contains(Signal.NEW_TICKET, Signal.MY_TICKETS);
		});
	}

	@Test
	void speaksEnglishToEnglishClients() {
		LinkedClient english = new LinkedClient(7L, "John Smith", null, "en", null, null);

		List<Reply> picker = this.runner.run(Inbound.choice(ACCOUNT, next(), "en", Signal.NEW_TICKET), english,
				this.conversation);

		assertThat(text(picker)).contains("Which department");
		assertThat(picker.get(0).choices().get(0).get(0).label()).contains("Accounting");
	}

	@Test
	void offersTheClientsOwnLinksResourcesAndHelpInTheMenu() {
		List<Reply> menu = press(Signal.MENU);

		List<Choice> buttons = menu.get(0).choices().stream().flatMap(List::stream).toList();
		assertThat(buttons).extracting(Choice::url).contains("https://drive.example/ana");
		assertThat(buttons).extracting(Choice::label).noneMatch((label) -> label.contains("Holded"));
		assertThat(actions(menu.get(0))).contains(Signal.NEW_TICKET, Signal.MY_TICKETS, Signal.RESOURCES, Signal.HELP);
	}

	@Test
	void browsesTheFaqFromTopicToAnswer() {
		FaqEntry entry = org.mockito.Mockito.mock(FaqEntry.class);
		given(entry.getId()).willReturn(31L);
		given(entry.getDepartment()).willReturn(Department.LABOUR);
		given(entry.getQuestion()).willReturn("¿Cuándo se pagan las nóminas?");
		given(entry.getAnswer()).willReturn("El último día hábil de cada mes.");
		given(this.resources.faqDepartments("es")).willReturn(List.of(Department.LABOUR));
		given(this.resources.faq(Department.LABOUR, "es")).willReturn(List.of(entry));
		given(this.resources.findActiveFaqEntry(31L)).willReturn(Optional.of(entry));

		List<Reply> topics = write("/faq");
		List<Reply> questions = press(Signal.faqDepartment(Department.LABOUR));
		List<Reply> answer = press(Signal.faqEntry(31L));

		assertThat(actions(topics.get(0))).contains(Signal.faqDepartment(Department.LABOUR));
		assertThat(actions(questions.get(0))).contains(Signal.faqEntry(31L));
		assertThat(text(answer)).contains("¿Cuándo se pagan las nóminas?", "El último día hábil de cada mes.");
		assertThat(answer.get(0).text().parts().get(0).strong()).isTrue();
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
	}

	@Test
	void listsTheDeadlinesOfTheNextThirtyDays() {
		FiscalDeadline vat = org.mockito.Mockito.mock(FiscalDeadline.class);
		given(vat.getDueDate()).willReturn(java.time.LocalDate.of(2027, 1, 20));
		given(vat.getTaxForm()).willReturn("Modelo 111");
		given(vat.title("es")).willReturn("Retenciones del cuarto trimestre");
		given(this.resources.deadlines(any(), any())).willReturn(List.of(vat));

		List<Reply> calendar = press(Signal.CALENDAR);

		assertThat(text(calendar)).contains("30 días", "20/01", "Modelo 111", "Retenciones del cuarto trimestre");
	}

	@Test
	void answersHelpInTheMiddleOfADraftAndKeepsIt() {
		reach(ConversationState.CONFIRMING_TICKET);
		String draft = this.conversation.getVariables();

		List<Reply> help = write("/ayuda");

		assertThat(text(help)).contains("Una consulta por tema", "Revisa tu consulta", DESCRIPTION);
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.CONFIRMING_TICKET);
		assertThat(this.conversation.getVariables()).isEqualTo(draft);
	}

	@Test
	void tellsTheStatusOfOwnTicketsByNumberAndNothingAboutOthers() {
		given(this.tickets.findOwnedByNumber(7L, 1042)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));

		List<Reply> own = write("/estado 1042");
		List<Reply> english = write("/status #1042");
		List<Reply> foreign = write("/estado 1043");
		List<Reply> garbled = write("/estado mañana");

		assertThat(text(own)).contains("#1042", "Abierto", "Laboral");
		assertThat(text(english)).contains("#1042");
		assertThat(text(foreign)).contains("No encuentro la consulta 1043");
		assertThat(text(garbled)).contains("No encuentro la consulta mañana");
	}

	@Test
	void showsATicketWithItsLastWordsAndTheActionsThatFit() {
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.PENDING_CLIENT)));
		List<TicketMessage> conversation = List.of(message(AuthorType.CLIENT, "Necesito ayuda con la nómina"),
				message(AuthorType.SYSTEM, "status OPEN -> PENDING_CLIENT"),
				message(AuthorType.STAFF, "¿Nos envías el contrato firmado?"));
		given(this.tickets.messagesOf(55L)).willReturn(conversation);

		List<Reply> detail = press(Signal.ticket(55L));

		assertThat(text(detail)).contains("#1042", "Pendiente de ti", "Necesito ayuda con la nómina",
				"¿Nos envías el contrato firmado?");
		assertThat(text(detail)).doesNotContain("status OPEN");
		assertThat(actions(detail.get(0))).contains(Signal.replyTo(55L), Signal.closeTicket(55L), Signal.MY_TICKETS);
	}

	@Test
	void closesATicketForTheClientAndAsksForTheRating() {
		given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));

		List<Reply> closed = press(Signal.closeTicket(55L));

		then(this.tickets).should().changeStatus(55L, TicketStatus.CLOSED, Actor.client(7L));
		assertThat(text(closed)).contains("Has cerrado la consulta #1042");
		assertThat(actions(closed.get(1))).contains(Signal.rate(55L, 5));
	}

	@Test
	void filtersTheClientsTicketsByStatusWithCountsAndPages() {
		List<TicketSummary> firstFive = java.util.stream.LongStream.rangeClosed(1, 5)
			.mapToObj((i) -> ticket(100L + i, 2000 + i, TicketStatus.OPEN))
			.toList();
		given(this.tickets.pageOf(7L, TicketStatus.OPEN, PageRequest.of(0, 5)))
			.willReturn(new PageImpl<>(firstFive, PageRequest.of(0, 5), 7));
		given(this.tickets.countsOf(7L)).willReturn(
				java.util.Map.of(TicketStatus.OPEN, 7L, TicketStatus.PENDING_CLIENT, 1L, TicketStatus.CLOSED, 2L));

		List<Reply> open = press(Signal.ticketPage('O', 0));

		assertThat(text(open)).contains("Tus consultas abiertas (7)", "#2001", "#2005");
		assertThat(actions(open.get(0)))
			.contains(Signal.ticket(101L), Signal.ticketPage('O', 1), Signal.ticketPage('P', 0),
					Signal.ticketPage('C', 0), Signal.ticketPage('A', 0))
			.doesNotContain(Signal.ticketPage('O', -1));
		assertThat(open.get(0).choices().stream().flatMap(List::stream).map(Choice::label)).contains("🟢 Abiertas (7)",
				"🟡 Pendientes (1)", "🔴 Cerradas (2)", "📋 Todas (10)");
	}

	@Test
	void listsAllTicketsFromTheMenuButton() {
		given(this.tickets.pageOf(7L, null, PageRequest.of(0, 5)))
			.willReturn(new PageImpl<>(List.of(ticket(55L, 1042, TicketStatus.CLOSED)), PageRequest.of(0, 5), 1));
		given(this.tickets.countsOf(7L)).willReturn(
				java.util.Map.of(TicketStatus.OPEN, 0L, TicketStatus.PENDING_CLIENT, 0L, TicketStatus.CLOSED, 1L));

		List<Reply> all = press(Signal.MY_TICKETS);

		assertThat(text(all)).contains("Tus consultas (1)", "#1042", "Cerrado");
		assertThat(actions(all.get(0))).contains(Signal.ticket(55L));
	}

	@Test
	void startsOverWithANoticeWhenADialogWasLeftForMoreThanADay() {
		reach(ConversationState.CONFIRMING_TICKET);
		this.conversation.remember(ConversationState.CONFIRMING_TICKET, this.conversation.getVariables(),
				Instant.now().minus(Duration.ofHours(25)));

		List<Reply> answer = press(Signal.CONFIRM);

		assertThat(text(answer)).startsWith("⏳ Lo que dejaste a medias").contains("Ese botón ya no está activo");
		assertThat(this.conversation.getState()).isEqualTo(ConversationState.IDLE);
		then(this.tickets).should(never()).open(anyLong(), any(), any(ClientPost.class), any());
	}

	@Test
	void keepsADialogLeftForLessThanADay() {
		given(this.tickets.open(anyLong(), any(), any(ClientPost.class), any()))
			.willReturn(ticket(55L, 1042, TicketStatus.OPEN));
		reach(ConversationState.CONFIRMING_TICKET);
		this.conversation.remember(ConversationState.CONFIRMING_TICKET, this.conversation.getVariables(),
				Instant.now().minus(Duration.ofHours(23)));

		List<Reply> created = press(Signal.CONFIRM);

		assertThat(text(created)).contains("#1042").doesNotContain("caducado");
	}

	private static TicketMessage message(AuthorType author, String body) {
		TicketMessage message = org.mockito.Mockito.mock(TicketMessage.class);
		given(message.getAuthorType()).willReturn(author);
		given(message.getBody()).willReturn(body);
		given(message.getCreatedAt()).willReturn(Instant.now());
		return message;
	}

	private void reach(ConversationState step) {
		switch (step) {
			case IDLE -> {
			}
			case CHOOSING_DEPARTMENT -> press(Signal.NEW_TICKET);
			case WRITING_DESCRIPTION -> {
				press(Signal.NEW_TICKET);
				press(Signal.department(Department.LABOUR));
			}
			case CONFIRMING_TICKET -> {
				reach(ConversationState.WRITING_DESCRIPTION);
				write(DESCRIPTION);
			}
			case WRITING_REPLY -> {
				given(this.tickets.findOwned(55L, 7L)).willReturn(Optional.of(ticket(55L, 1042, TicketStatus.OPEN)));
				press(Signal.replyTo(55L));
			}
			case CHOOSING_TICKET_FOR_TEXT -> write("Una duda sobre la factura de marzo");
			case WRITING_SURVEY_COMMENT -> {
				given(this.surveys.rate(55L, 7L, 3)).willReturn(RatingOutcome.RECORDED);
				press(Signal.rate(55L, 3));
			}
			default -> throw new IllegalArgumentException("Not a resting state: " + step);
		}
		assertThat(this.conversation.getState()).isEqualTo(step);
	}

	private List<Reply> write(String text) {
		return this.runner.run(Inbound.text(ACCOUNT, next(), "es", text), CLIENT, this.conversation);
	}

	private List<Reply> send(@org.jspecify.annotations.Nullable String caption, InboundFile... files) {
		return this.runner.run(new Inbound(ACCOUNT, next(), "es", caption, null, List.of(files)), CLIENT,
				this.conversation);
	}

	private List<Reply> press(String action) {
		return this.runner.run(Inbound.choice(ACCOUNT, next(), "es", action), CLIENT, this.conversation);
	}

	private String next() {
		return String.valueOf(this.deliveries.incrementAndGet());
	}

	private static String text(List<Reply> replies) {
		StringBuilder text = new StringBuilder();
		replies.forEach((reply) -> text.append(reply.text().plainText()).append('\n'));
		return text.toString();
	}

	private static List<String> actions(Reply reply) {
		return reply.choices().stream().flatMap(List::stream).map(Choice::action).toList();
	}

	private void givenPostsAdd(Long ticketId, long number) {
		given(this.tickets.post(eq(ticketId), eq(7L), any(), any()))
			.willReturn(Optional.of(new ClientPostOutcome(ClientPostOutcome.Kind.ADDED,
					ticket(ticketId, number, TicketStatus.OPEN), 900L, null)));
	}

	private static TicketSummary ticket(Long id, long number, TicketStatus status) {
		return new TicketSummary(id, number, 7L, "Ana Pérez", "Pérez SL", Department.LABOUR, status,
				"Una consulta de prueba con texto", Channel.TELEGRAM, null, Instant.now(), Instant.now());
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ ConversationMachine.class, ConversationActions.class, ConversationRunner.class, ConversationStore.class,
			Replies.class, Texts.class, InboundFiles.class, Albums.class })
	static class Config {

		@Bean
		ResourceBundleMessageSource messageSource() {
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasename("messages");
			messages.setDefaultEncoding("UTF-8");
			messages.setFallbackToSystemLocale(false);
			return messages;
		}

		@Bean
		CoreProperties coreProperties() {
			return new CoreProperties(Duration.ofDays(7), 10, 4000,
					new CoreProperties.Outbox(Duration.ofSeconds(1), 25, Duration.ofMinutes(10), Duration.ofMinutes(2),
							32),
					Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(1),
					new CoreProperties.Files("target/files", org.springframework.util.unit.DataSize.ofMegabytes(20)),
					new CoreProperties.LinkCodes(Duration.ofMinutes(15), 5, 3, 3, Duration.ofHours(1)));
		}

		@Bean
		FilePolicy filePolicy() {
			return new FilePolicy(20 * 1024 * 1024);
		}

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().build();
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
