package es.kompanion.bot.admin.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.admin.client.ImportReport.Outcome;
import es.kompanion.bot.admin.client.ImportReport.Row;
import es.kompanion.bot.audit.AuditEntry;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientDetails;
import es.kompanion.bot.user.Clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSV import of the firm's client list, through the real filter chain on MariaDB.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClientImportIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Clients clients;

	@Autowired
	private AuditLog audit;

	private final String actor = "admin-" + UUID.randomUUID() + "@kompanion.test";

	@Test
	void importsTheValidRowsAndReportsEachBadRowWithItsReason() throws Exception {
		String newEmail = uniqueEmail();
		String badUrlEmail = uniqueEmail();
		Client existing = this.clients.register(new ClientDetails(uniqueEmail(), "Luis Gómez", "Gómez SL", "es",
				"https://drive.google.com/luis", null));
		String csv = "\uFEFFemail;nombre;empresa;idioma;carpeta;holded\r\n" + newEmail
				+ ";Ana Pérez;\"Pérez; Asesores SL\";en;https://drive.google.com/ana;\r\n"
				+ "ana-at-example.com;Ana Mal;;es;;\r\n" + existing.getEmail().toUpperCase()
				+ ";Luis Gómez Ruiz;;;;https://app.holded.com/luis\r\n" + "\r\n" + newEmail + ";Ana Repetida;;es;;\r\n"
				+ badUrlEmail + ";Bea Ruiz;;fr;carpeta-compartida;\r\n";

		MvcResult result = upload(csv.getBytes(StandardCharsets.UTF_8), admin());

		ImportReport report = (ImportReport) result.getModelAndView().getModel().get("report");
		assertThat(report.refusal()).isNull();
		assertThat(report.rows()).extracting(Row::number, Row::outcome)
			.containsExactly(tuple(2, Outcome.CREATED), tuple(3, Outcome.ERROR), tuple(4, Outcome.UPDATED),
					tuple(6, Outcome.ERROR), tuple(7, Outcome.ERROR));
		assertThat(report.rows().get(3).problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.code()).isEqualTo("clients.import.error.duplicate"));
		assertThat(report.rows().get(4).problems()).extracting(ImportReport.Problem::field)
			.containsExactly("language", "documentsUrl");
		String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Este email ya aparece en la fila 2.", "Este email no parece válido",
				"Carpeta de documentos:", "El idioma tiene que ser es (español) o en (inglés).");

		Client ana = this.clients.findByEmail(newEmail).orElseThrow();
		assertThat(ana.getFullName()).isEqualTo("Ana Pérez");
		assertThat(ana.getCompany()).isEqualTo("Pérez; Asesores SL");
		assertThat(ana.getLanguage()).isEqualTo("en");
		Client luis = this.clients.find(existing.getId()).orElseThrow();
		assertThat(luis.getFullName()).isEqualTo("Luis Gómez Ruiz");
		assertThat(luis.getCompany()).isEqualTo("Gómez SL");
		assertThat(luis.getDocumentsUrl()).isEqualTo("https://drive.google.com/luis");
		assertThat(luis.getHoldedUrl()).isEqualTo("https://app.holded.com/luis");
		assertThat(this.clients.findByEmail(badUrlEmail)).isEmpty();
		assertThat(entries()).extracting(AuditEntry::getAction, AuditEntry::getTarget)
			.containsExactly(tuple("client.imported", "clients"), tuple("client.updated", "client:" + luis.getId()),
					tuple("client.created", "client:" + ana.getId()));
		assertThat(entries().get(0).getDetails()).isEqualTo("creados 1, actualizados 1, filas con error 3");
	}

	@Test
	void acceptsCommasAndQuotedLineBreaks() throws Exception {
		String email = uniqueEmail();
		String csv = "email,nombre,empresa\n" + email + ",\"Ana \"\"la del 303\"\" Pérez\",\"Pérez,\nAsesores\"\n";

		MvcResult result = upload(csv.getBytes(StandardCharsets.UTF_8), admin());

		ImportReport report = (ImportReport) result.getModelAndView().getModel().get("report");
		assertThat(report.rows()).singleElement()
			.satisfies((row) -> assertThat(row.outcome()).isEqualTo(Outcome.CREATED));
		Client client = this.clients.findByEmail(email).orElseThrow();
		assertThat(client.getFullName()).isEqualTo("Ana \"la del 303\" Pérez");
		assertThat(client.getCompany()).isEqualTo("Pérez,\nAsesores");
		assertThat(client.getLanguage()).isEqualTo("es");
	}

	@Test
	void refusesAFileThatIsNotUtf8AndImportsNothing() throws Exception {
		String email = uniqueEmail();
		byte[] latin1 = ("email;nombre\n" + email + ";Ana Pérez\n").getBytes(StandardCharsets.ISO_8859_1);

		MvcResult result = upload(latin1, admin());

		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("El archivo no está en UTF-8", "No se ha importado nada.");
		assertThat(this.clients.findByEmail(email)).isEmpty();
	}

	@Test
	void refusesAHeaderWithAnUnknownColumn() throws Exception {
		String email = uniqueEmail();
		String csv = "emial,nombre\n" + email + ",Ana\n";

		MvcResult result = upload(csv.getBytes(StandardCharsets.UTF_8), admin());

		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("columna desconocida o repetida: «emial»");
		assertThat(this.clients.findByEmail(email)).isEmpty();
	}

	@Test
	void refusesMoreThanFiveThousandRows() throws Exception {
		StringBuilder csv = new StringBuilder("email,nombre\n");
		String prefix = "bulk-" + UUID.randomUUID();
		for (int i = 0; i <= ClientImport.MAX_ROWS; i++) {
			csv.append(prefix).append('-').append(i).append("@example.com,Cliente ").append(i).append('\n');
		}

		MvcResult result = upload(csv.toString().getBytes(StandardCharsets.UTF_8), admin());

		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Demasiadas filas: el máximo es 5.000.");
		assertThat(this.clients.findByEmail(prefix + "-0@example.com")).isEmpty();
	}

	@Test
	void refusesAFileLargerThanTwoMegabytes() throws Exception {
		byte[] large = new byte[ClientImport.MAX_BYTES + 1];
		Arrays.fill(large, (byte) 'a');

		MvcResult result = upload(large, admin());

		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("El archivo pasa de 2 MB",
				"No se ha importado nada.");
	}

	@Test
	void letsOnlyAdminsImport() throws Exception {
		RequestPostProcessor staff = user(this.actor).roles("STAFF");
		String email = uniqueEmail();
		MockMultipartFile file = new MockMultipartFile("file", "clientes.csv", "text/csv",
				("email,nombre\n" + email + ",Ana\n").getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(get("/clients/import").with(staff)).andExpect(status().isForbidden());
		this.mvc.perform(multipart("/clients/import").file(file).with(staff).with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(this.clients.findByEmail(email)).isEmpty();
		this.mvc.perform(get("/clients/import").with(admin())).andExpect(status().isOk());
	}

	private MvcResult upload(byte[] content, RequestPostProcessor who) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "clientes.csv", "text/csv", content);
		return this.mvc.perform(multipart("/clients/import").file(file).with(who).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
	}

	private List<AuditEntry> entries() {
		return this.audit.recent(this.actor, PageRequest.of(0, 50)).getContent();
	}

	private RequestPostProcessor admin() {
		return user(this.actor).roles("ADMIN");
	}

	private static String uniqueEmail() {
		return "import-" + UUID.randomUUID() + "@example.com";
	}

}
