package es.kompanion.bot.admin.resource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import es.kompanion.bot.admin.resource.CalendarImportReport.Outcome;
import es.kompanion.bot.admin.resource.CalendarImportReport.Problem;
import es.kompanion.bot.admin.resource.CalendarImportReport.Row;
import es.kompanion.bot.admin.web.CsvReader;
import es.kompanion.bot.resource.AppliesTo;
import es.kompanion.bot.resource.DeadlineDraft;
import es.kompanion.bot.resource.DeadlineImport;
import es.kompanion.bot.resource.Limits;

/**
 * Imports a year's fiscal calendar from a CSV file with the header
 * {@code fecha,modelo,titulo_es,titulo_en,aplica_a}. Every row is checked before anything
 * is stored; rows with errors are left out, rows the calendar already has (same date and
 * form) are skipped, and the rest are added together.
 */
@Component
class CalendarImport {

	private static final Logger log = LoggerFactory.getLogger(CalendarImport.class);

	static final long MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_ROWS = 2000;

	static final List<String> HEADER = List.of("fecha", "modelo", "titulo_es", "titulo_en", "aplica_a");

	private static final Map<String, AppliesTo> AUDIENCES = audiences();

	private final ResourceChanges changes;

	CalendarImport(ResourceChanges changes) {
		this.changes = changes;
	}

	CalendarImportReport run(byte[] bytes) {
		if (bytes.length == 0) {
			return CalendarImportReport.refused("calendar.import.error.empty", null);
		}
		if (bytes.length > MAX_BYTES) {
			return CalendarImportReport.refused("calendar.import.error.size", MAX_BYTES / (1024 * 1024));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return CalendarImportReport.refused("calendar.import.error.encoding", null);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}

		List<CsvReader.Line> records;
		try {
			records = CsvReader.read(text, CsvReader.separatorOf(text));
		}
		catch (CsvReader.MalformedCsvException ex) {
			return CalendarImportReport.refused("calendar.import.error.quotes", ex.getLine());
		}
		if (records.isEmpty()) {
			return CalendarImportReport.refused("calendar.import.error.empty", null);
		}
		Map<String, Integer> columns = columns(records.get(0));
		if (!columns.keySet().containsAll(HEADER)) {
			return CalendarImportReport.refused("calendar.import.error.header", String.join(",", HEADER));
		}
		List<CsvReader.Line> data = records.subList(1, records.size());
		if (data.isEmpty()) {
			return CalendarImportReport.refused("calendar.import.error.no-rows", null);
		}
		if (data.size() > MAX_ROWS) {
			return CalendarImportReport.refused("calendar.import.error.rows", MAX_ROWS);
		}

		List<Checked> checked = data.stream().map((record) -> check(record, columns)).toList();
		List<DeadlineDraft> drafts = checked.stream().filter((row) -> row.draft() != null).map(Checked::draft).toList();
		long errors = checked.size() - drafts.size();
		List<DeadlineImport> outcomes;
		try {
			outcomes = drafts.isEmpty() ? List.of() : this.changes.importDeadlines(drafts, (int) errors);
		}
		catch (DataIntegrityViolationException ex) {
			log.warn("Calendar import refused by the database, probably a concurrent change", ex);
			return CalendarImportReport.refused("calendar.import.error.conflict", null);
		}

		List<Row> rows = new ArrayList<>(checked.size());
		int next = 0;
		for (Checked row : checked) {
			if (row.draft() == null) {
				rows.add(new Row(row.line(), row.date(), row.taxForm(), Outcome.ERROR, row.problems()));
				continue;
			}
			boolean created = outcomes.get(next++).result() == DeadlineImport.Result.CREATED;
			rows.add(new Row(row.line(), row.date(), row.taxForm(), created ? Outcome.CREATED : Outcome.DUPLICATE,
					List.of()));
		}
		return CalendarImportReport.of(rows);
	}

	private static Checked check(CsvReader.Line record, Map<String, Integer> columns) {
		String date = record.cell(columns.get("fecha"));
		String taxForm = record.cell(columns.get("modelo"));
		String titleEs = record.cell(columns.get("titulo_es"));
		String titleEn = record.cell(columns.get("titulo_en"));
		String audience = record.cell(columns.get("aplica_a"));

		List<Problem> problems = new ArrayList<>();
		LocalDate dueDate = CalendarDates.parse(date);
		if (date.isEmpty()) {
			problems.add(new Problem("calendar.import.error.date-missing", null));
		}
		else if (dueDate == null) {
			problems.add(new Problem("calendar.import.error.date", date));
		}
		required(problems, "modelo", taxForm, Limits.TAX_FORM_LENGTH);
		required(problems, "titulo_es", titleEs, Limits.TITLE_LENGTH);
		if (titleEn.length() > Limits.TITLE_LENGTH) {
			problems.add(new Problem("calendar.import.error.too-long", "titulo_en"));
		}
		AppliesTo appliesTo = audience.isEmpty() ? AppliesTo.ALL : AUDIENCES.get(simplify(audience));
		if (appliesTo == null) {
			problems.add(new Problem("calendar.import.error.applies-to", audience));
		}

		if (!problems.isEmpty() || dueDate == null || appliesTo == null) {
			return new Checked(record.number(), date, taxForm, null, List.copyOf(problems));
		}
		return new Checked(record.number(), date, taxForm,
				new DeadlineDraft(dueDate, taxForm, titleEs, titleEn, appliesTo), List.of());
	}

	private static void required(List<Problem> problems, String column, String value, int maxLength) {
		if (value.isEmpty()) {
			problems.add(new Problem("calendar.import.error.required", column));
		}
		else if (value.length() > maxLength) {
			problems.add(new Problem("calendar.import.error.too-long", column));
		}
	}

	/**
	 * Column name to index, names simplified so {@code Título_ES} finds
	 * {@code titulo_es}; a repeated name keeps its first column.
	 */
	private static Map<String, Integer> columns(CsvReader.Line header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			columns.putIfAbsent(simplify(header.cells().get(i)), i);
		}
		return columns;
	}

	/**
	 * Lower case, without accents, spaces as underscores.
	 */
	static String simplify(String text) {
		String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
	}

	private static Map<String, AppliesTo> audiences() {
		Map<String, AppliesTo> audiences = new HashMap<>();
		for (AppliesTo appliesTo : AppliesTo.values()) {
			audiences.put(simplify(appliesTo.name()), appliesTo);
		}
		for (String name : List.of("todos", "todas", "todo", "general")) {
			audiences.put(name, AppliesTo.ALL);
		}
		for (String name : List.of("sociedades", "sociedad", "empresas", "empresa")) {
			audiences.put(name, AppliesTo.COMPANIES);
		}
		for (String name : List.of("autonomos", "autonomo", "autonomas", "autonoma")) {
			audiences.put(name, AppliesTo.SELF_EMPLOYED);
		}
		for (String name : List.of("empleadores", "empleador", "con_empleados", "con_trabajadores")) {
			audiences.put(name, AppliesTo.EMPLOYERS);
		}
		return Map.copyOf(audiences);
	}

	private record Checked(int line, String date, String taxForm, @Nullable DeadlineDraft draft,
			List<Problem> problems) {

	}

}
