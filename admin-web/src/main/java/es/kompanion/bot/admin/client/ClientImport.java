package es.kompanion.bot.admin.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.admin.web.CsvReader;
import es.kompanion.bot.admin.web.CsvReader.Line;
import es.kompanion.bot.admin.web.CsvReader.MalformedCsvException;
import es.kompanion.bot.admin.client.ImportReport.Outcome;
import es.kompanion.bot.admin.client.ImportReport.Problem;
import es.kompanion.bot.admin.client.ImportReport.Row;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.EmailInUseException;

/**
 * Imports the firm's client list from CSV. Every row is checked before anything is saved;
 * rows with errors are left out and reported. The valid rows are then saved, creating the
 * client or updating the one with the same email, in transactions of up to 200 rows; if
 * one of those fails (say, another admin registered the same email meanwhile), its rows
 * are saved again one transaction per row, so only the row at fault is left out.
 */
@Component
class ClientImport {

	private static final Logger log = LoggerFactory.getLogger(ClientImport.class);

	static final int MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_ROWS = 5000;

	/** Valid rows saved together in one transaction. */
	private static final int CHUNK = 200;

	/** Column names, Spanish as the firm writes them, and their English equivalents. */
	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("email", "email"),
			Map.entry("correo", "email"), Map.entry("nombre", "fullName"), Map.entry("name", "fullName"),
			Map.entry("empresa", "company"), Map.entry("company", "company"), Map.entry("idioma", "language"),
			Map.entry("language", "language"), Map.entry("carpeta", "documentsUrl"),
			Map.entry("folder", "documentsUrl"), Map.entry("holded", "holdedUrl"));

	private final ClientChanges changes;

	private final TransactionTemplate transactions;

	ClientImport(ClientChanges changes, TransactionTemplate transactions) {
		this.changes = changes;
		this.transactions = transactions;
	}

	ImportReport run(byte[] file) {
		if (file.length > MAX_BYTES) {
			return ImportReport.refused("clients.import.error.size", MAX_BYTES / (1024 * 1024));
		}
		String text;
		try {
			text = decode(file);
		}
		catch (CharacterCodingException ex) {
			return ImportReport.refused("clients.import.error.encoding");
		}
		List<Line> lines;
		try {
			lines = CsvReader.read(text, CsvReader.separatorOf(text));
		}
		catch (MalformedCsvException ex) {
			return ImportReport.refused("clients.import.error.quotes", ex.getLine());
		}
		if (lines.isEmpty()) {
			return ImportReport.refused("clients.import.error.empty");
		}
		Map<String, Integer> columns = new HashMap<>();
		String refusal = readHeader(lines.get(0), columns);
		if (refusal != null) {
			return ImportReport.refused(refusal, unknownColumn(lines.get(0), columns));
		}
		List<Line> rows = lines.subList(1, lines.size());
		if (rows.isEmpty()) {
			return ImportReport.refused("clients.import.error.empty");
		}
		if (rows.size() > MAX_ROWS) {
			return ImportReport.refused("clients.import.error.rows", MAX_ROWS);
		}
		return ImportReport.of(save(check(rows, columns)));
	}

	private List<Checked> check(List<Line> rows, Map<String, Integer> columns) {
		Map<String, Integer> firstRowOfEmail = new HashMap<>();
		List<Checked> checked = new ArrayList<>();
		for (Line line : rows) {
			ClientForm form = new ClientForm(cell(line, columns, "email"), cell(line, columns, "fullName"),
					cell(line, columns, "company"), cell(line, columns, "language"),
					cell(line, columns, "documentsUrl"), cell(line, columns, "holdedUrl"));
			List<Problem> problems = new ArrayList<>();
			form.problems().forEach((field, code) -> problems.add(new Problem(field, code)));
			if (hasExtraCells(line, columns.size())) {
				problems.add(new Problem(null, "clients.import.error.extra"));
			}
			if (form.email() != null && !form.email().isBlank()) {
				String email = form.email().strip().toLowerCase(Locale.ROOT);
				Integer first = firstRowOfEmail.putIfAbsent(email, line.number());
				if (first != null) {
					problems.add(new Problem("email", "clients.import.error.duplicate", first));
				}
			}
			checked.add(new Checked(line.number(), form, problems));
		}
		return checked;
	}

	private List<Row> save(List<Checked> checked) {
		List<Row> report = new ArrayList<>();
		List<Checked> valid = new ArrayList<>();
		for (Checked row : checked) {
			if (row.problems().isEmpty()) {
				valid.add(row);
			}
			else {
				report.add(new Row(row.number(), row.email(), Outcome.ERROR, row.problems()));
			}
		}
		for (int from = 0; from < valid.size(); from += CHUNK) {
			report.addAll(saveChunk(valid.subList(from, Math.min(from + CHUNK, valid.size()))));
		}
		report.sort(Comparator.comparingInt(Row::number));
		long created = report.stream().filter((row) -> row.outcome() == Outcome.CREATED).count();
		long updated = report.stream().filter((row) -> row.outcome() == Outcome.UPDATED).count();
		long failed = report.size() - created - updated;
		this.changes.recordImport(created, updated, failed);
		log.info("Client import: {} created, {} updated, {} rows with errors", created, updated, failed);
		return report;
	}

	/**
	 * Saves the rows in one transaction; if that fails, saves them again one transaction
	 * per row, so that only the row at fault is reported.
	 */
	private List<Row> saveChunk(List<Checked> chunk) {
		try {
			List<Row> saved = this.transactions.execute((status) -> chunk.stream().map(this::saveRow).toList());
			return (saved != null) ? saved : List.of();
		}
		catch (RuntimeException ex) {
			log.debug("Client import rows {} to {} saved one by one after {}", chunk.get(0).number(),
					chunk.get(chunk.size() - 1).number(), ex.getClass().getSimpleName());
			return chunk.stream().map(this::saveAlone).toList();
		}
	}

	private Row saveAlone(Checked row) {
		try {
			return saveRow(row);
		}
		catch (EmailInUseException | DataIntegrityViolationException ex) {
			return new Row(row.number(), row.email(), Outcome.ERROR,
					List.of(new Problem("email", "clients.error.email.taken")));
		}
		catch (RuntimeException ex) {
			log.warn("Client import row {} not saved ({})", row.number(), ex.getClass().getSimpleName());
			return new Row(row.number(), row.email(), Outcome.ERROR,
					List.of(new Problem(null, "clients.import.error.failed")));
		}
	}

	private Row saveRow(Checked row) {
		boolean created = this.changes.importRow(row.form(), row.number());
		return new Row(row.number(), row.email(), created ? Outcome.CREATED : Outcome.UPDATED, List.of());
	}

	/**
	 * Fills in the column of each field.
	 * @return the message code of what is wrong with the header, or {@code null}
	 */
	private static @Nullable String readHeader(Line header, Map<String, Integer> columns) {
		for (int i = 0; i < header.cells().size(); i++) {
			String field = COLUMNS.get(header.cell(i).toLowerCase(Locale.ROOT));
			if (field == null || columns.containsKey(field)) {
				return "clients.import.error.column";
			}
			columns.put(field, i);
		}
		boolean complete = columns.containsKey("email") && columns.containsKey("fullName");
		return complete ? null : "clients.import.error.header";
	}

	/**
	 * The first header cell that names no field or a field named before, or an empty
	 * text.
	 */
	private static String unknownColumn(Line header, Map<String, Integer> columns) {
		return (columns.size() < header.cells().size()) ? header.cell(columns.size()) : "";
	}

	private static boolean hasExtraCells(Line line, int columns) {
		return line.cells().stream().skip(columns).anyMatch((cell) -> !cell.isEmpty());
	}

	private static String cell(Line line, Map<String, Integer> columns, String field) {
		Integer index = columns.get(field);
		return (index != null) ? line.cell(index) : "";
	}

	private static String decode(byte[] file) throws CharacterCodingException {
		String text = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(file))
			.toString();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private record Checked(int number, ClientForm form, List<Problem> problems) {

		String email() {
			return (this.form.email() != null) ? this.form.email() : "";
		}

	}

}
