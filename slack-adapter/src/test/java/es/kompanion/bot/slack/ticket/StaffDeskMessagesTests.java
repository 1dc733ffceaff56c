package es.kompanion.bot.slack.ticket;

import java.util.List;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.ButtonElement;
import org.junit.jupiter.api.Test;

import es.kompanion.bot.file.FilePolicy.Verdict;
import es.kompanion.bot.slack.ticket.JudgedFiles.Refusal;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.DeliveryProblem;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.StatusChange;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.user.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class StaffDeskMessagesTests {

	@Test
	void showsNumberDepartmentClientAndStatusOfAnOpenTicket() {
		List<LayoutBlock> blocks = StaffDeskMessages.root(TicketFixtures.ticket(TicketStatus.OPEN, null), null);

		assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).isEqualTo("#1042 · Contabilidad / Fiscal");
		assertThat(((SectionBlock) blocks.get(1)).getFields()).extracting(StaffDeskMessagesTests::textOf)
			.anySatisfy((field) -> assertThat(field).contains("Ana &lt;García&gt; &amp; Co"))
			.anySatisfy((field) -> assertThat(field).contains("Talleres Ana S.L."))
			.anySatisfy((field) -> assertThat(field).contains("🟢 Abierto"));
		assertThat(((SectionBlock) blocks.get(2)).getText().getText())
			.contains("Necesito el modelo 303 &lt;urgente&gt; &amp; ya");
	}

	@Test
	void saysWhichClosedTicketAFollowUpContinues() {
		TicketSummary previous = TicketFixtures.numbered(5L, 1017, TicketStatus.CLOSED);
		TicketSummary followUp = TicketFixtures.numbered(8L, 1043, TicketStatus.OPEN);

		List<LayoutBlock> blocks = StaffDeskMessages.root(followUp, previous);

		assertThat(((SectionBlock) blocks.get(1)).getFields()).extracting(StaffDeskMessagesTests::textOf)
			.anySatisfy((field) -> assertThat(field).contains("Continúa").contains("la consulta #1017, ya cerrada"));
		assertThat(StaffDeskMessages.rootText(followUp, previous)).startsWith("#1043").endsWith("continúa la #1017");
		assertThat(StaffDeskMessages.rootText(followUp, null)).doesNotContain("continúa");
	}

	@Test
	void tellsStaffPrivatelyWhichFilesDidNotGoAndWhy() {
		List<Refusal> refused = List.of(new Refusal("setup<1>.exe", Verdict.TYPE_REFUSED),
				new Refusal("video.mp4", Verdict.TOO_LARGE));

		assertThat(StaffDeskMessages.filesNotSent(refused, 20 * 1024 * 1024, true))
			.isEqualTo(":no_entry_sign: No le ha llegado al cliente:\n"
					+ "• «setup&lt;1&gt;.exe»: ese tipo de archivo no está permitido\n"
					+ "• «video.mp4»: pesa más de 20 MB\n" + "El resto de tu respuesta sí se ha enviado.");
		assertThat(StaffDeskMessages.filesNotSent(refused.subList(1, 2), 20 * 1024 * 1024, false))
			.isEqualTo(":no_entry_sign: No le ha llegado al cliente:\n• «video.mp4»: pesa más de 20 MB");
	}

	@Test
	void namesAFileThatCouldNotBeFetchedAndWhatToDo() {
		assertThat(StaffDeskMessages.fileFailed(AttachmentDirection.FROM_CLIENT, "nómina <marzo>.pdf", "too large"))
			.isEqualTo(":warning: No se ha podido recibir el archivo «nómina &lt;marzo&gt;.pdf» del cliente (motivo "
					+ "técnico: too large). Si lo necesitas, pide al cliente que lo envíe de nuevo o que comparta "
					+ "un enlace.");
		assertThat(StaffDeskMessages.fileFailed(AttachmentDirection.FROM_STAFF, "modelo.pdf",
				"file download " + "answered HTTP 404"))
			.isEqualTo(":warning: El archivo «modelo.pdf» no le ha llegado al cliente (motivo técnico: file download "
					+ "answered HTTP 404). Envíalo de nuevo o compártelo como enlace.");
	}

	@Test
	void offersPendingAndCloseWhileTheTicketIsNotClosed() {
		List<ButtonElement> buttons = buttons(TicketFixtures.ticket(TicketStatus.PENDING_CLIENT, null));

		assertThat(buttons).extracting(ButtonElement::getActionId).containsExactly("ticket_pending", "ticket_close");
		assertThat(buttons).extracting(ButtonElement::getValue).containsOnly("7");
		assertThat(buttons.get(1).getStyle()).isEqualTo("danger");
		assertThat(buttons.get(1).getText().getText()).isEqualTo("Cerrar");
	}

	@Test
	void offersOnlyReopenOnceClosed() {
		List<ButtonElement> buttons = buttons(TicketFixtures.ticket(TicketStatus.CLOSED, null));

		assertThat(buttons).extracting(ButtonElement::getActionId).containsExactly("ticket_reopen");
		assertThat(buttons.get(0).getText().getText()).isEqualTo("Reabrir");
	}

	@Test
	void keepsALongDescriptionWithinTheSectionLimit() {
		TicketSummary ticket = new TicketSummary(7L, 1042, 3L, "Ana", null, Department.OTHER, TicketStatus.OPEN,
				"<>".repeat(2000), Channel.SLACK, null, TicketFixtures.ticket(TicketStatus.OPEN, null).createdAt(),
				TicketFixtures.ticket(TicketStatus.OPEN, null).updatedAt());

		String description = ((SectionBlock) StaffDeskMessages.root(ticket, null).get(2)).getText().getText();

		assertThat(description).hasSizeLessThanOrEqualTo(3000).endsWith("&gt;…");
	}

	@Test
	void namesTheClientInTheThread() {
		String text = StaffDeskMessages.clientMessage(TicketFixtures.ticket(TicketStatus.OPEN, null), "¿Y <esto>?");

		assertThat(text).isEqualTo(":bust_in_silhouette: *Ana &lt;García&gt; &amp; Co*: ¿Y &lt;esto&gt;?");
	}

	@Test
	void saysWhoChangedTheStatus() {
		assertThat(StaffDeskMessages.statusNote(
				new StatusChange(TicketStatus.OPEN, TicketStatus.CLOSED, AuthorType.STAFF, "slack:U024BE7LH"), null))
			.isEqualTo(":lock: Cerrada por <@U024BE7LH>");
		assertThat(StaffDeskMessages
			.statusNote(new StatusChange(TicketStatus.CLOSED, TicketStatus.OPEN, AuthorType.CLIENT, "client:3"), null))
			.isEqualTo(":unlock: Reabierta por el cliente");
		assertThat(StaffDeskMessages.statusNote(
				new StatusChange(TicketStatus.OPEN, TicketStatus.PENDING_CLIENT, AuthorType.STAFF, "web:<!channel>"),
				"Marta"))
			.isEqualTo(":hourglass_flowing_sand: Pendiente de cliente por el equipo");
	}

	@Test
	void namesTheStaffMemberWhoChangedTheStatusInTheWeb() {
		StatusChange closed = new StatusChange(TicketStatus.OPEN, TicketStatus.CLOSED, AuthorType.STAFF, "staff:42");

		assertThat(StaffDeskMessages.statusNote(closed, "Marta <Gil>"))
			.isEqualTo(":lock: Cerrada por Marta &lt;Gil&gt; (web)");
		assertThat(StaffDeskMessages.statusNote(closed, null)).isEqualTo(":lock: Cerrada por el equipo (web)");
	}

	@Test
	void signsAnAnswerFromTheWebWithItsAuthor() {
		assertThat(StaffDeskMessages.webStaffReply("Marta & Co", "Ya está <b>presentado</b>\n@here")).isEqualTo(
				":globe_with_meridians: *Marta &amp; Co* (desde la web): Ya está &lt;b&gt;presentado&lt;/b&gt;\n@here");
		assertThat(StaffDeskMessages.webStaffReply(null, "<!channel> hola"))
			.isEqualTo(":globe_with_meridians: *Equipo (web)* (desde la web): &lt;!channel&gt; hola");
	}

	@Test
	void keepsALongAnswerFromTheWebWithinTheMessageLimit() {
		String text = StaffDeskMessages.webStaffReply("Marta", "<".repeat(20_000));

		assertThat(text).hasSizeLessThanOrEqualTo(39_000).endsWith("&lt;…");
	}

	@Test
	void offersTheWholeDescriptionOnlyWhenTheRootCutsIt() {
		String cut = "<>".repeat(2000);

		assertThat(StaffDeskMessages.fullDescription(TicketFixtures.ticketDescribedAs(cut, null)))
			.isEqualTo(":page_facing_up: *Descripción completa*\n" + "&lt;&gt;".repeat(2000));
		assertThat(StaffDeskMessages.fullDescription(TicketFixtures.ticketDescribedAs("x".repeat(2986), null)))
			.isNull();
		assertThat(StaffDeskMessages.fullDescription(TicketFixtures.ticketDescribedAs("x".repeat(2987), null)))
			.isNotNull();
	}

	@Test
	void explainsABlockedBotToStaffInPlainSpanish() {
		String text = StaffDeskMessages
			.deliveryProblem(new DeliveryProblem("TELEGRAM", "Forbidden: bot was blocked by the user"));

		assertThat(text).isEqualTo(":warning: El último mensaje no le ha llegado al cliente por Telegram: el cliente "
				+ "ha bloqueado el bot. Habrá que contactar por otra vía.");
	}

	@Test
	void explainsWellKnownDeliveryProblems() {
		assertThat(StaffDeskMessages.deliveryProblem(new DeliveryProblem("TELEGRAM", "Forbidden: user is deactivated")))
			.contains("por Telegram: la cuenta del cliente está desactivada.");
		assertThat(StaffDeskMessages.deliveryProblem(new DeliveryProblem("TELEGRAM", "Bad Request: chat not found")))
			.contains("por Telegram: el chat del cliente ya no existe.");
	}

	@Test
	void quotesAnyOtherReasonAsTechnical() {
		String text = StaffDeskMessages
			.deliveryProblem(new DeliveryProblem("WEB", "Bad Request: <b> & message is too long"));

		assertThat(text).isEqualTo(":warning: El último mensaje no le ha llegado al cliente por la web: motivo "
				+ "técnico: «Bad Request: &lt;b&gt; &amp; message is too long». Habrá que contactar por otra vía.");
	}

	@Test
	void namesDepartmentsAsStaffDo() {
		assertThat(List.of(Department.values())).extracting(StaffDeskMessages::department)
			.containsExactly("Contabilidad / Fiscal", "Laboral", "Integraciones", "Otros");
	}

	private static String textOf(TextObject field) {
		return ((MarkdownTextObject) field).getText();
	}

	private static List<ButtonElement> buttons(TicketSummary ticket) {
		ActionsBlock actions = StaffDeskMessages.root(ticket, null)
			.stream()
			.filter(ActionsBlock.class::isInstance)
			.map(ActionsBlock.class::cast)
			.findFirst()
			.orElseThrow();
		return actions.getElements().stream().map(ButtonElement.class::cast).toList();
	}

}
