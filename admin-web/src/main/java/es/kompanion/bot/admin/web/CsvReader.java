package es.kompanion.bot.admin.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): fields separated by commas or, as
 * Spanish Excel saves them, semicolons; quotes around fields that hold separators, quotes
 * or line breaks; any line ending. Shared by the imports of clients and of the fiscal
 * calendar.
 */
public final class CsvReader {

	private CsvReader() {
	}

	/**
	 * The separator the header line uses: a semicolon when it has more semicolons than
	 * commas, else a comma.
	 */
	public static char separatorOf(String text) {
		int end = text.indexOf('\n');
		String header = (end >= 0) ? text.substring(0, end) : text;
		long semicolons = header.chars().filter((c) -> c == ';').count();
		long commas = header.chars().filter((c) -> c == ',').count();
		return (semicolons > commas) ? ';' : ',';
	}

	/**
	 * The records of the text, each with the line it starts on; lines with nothing on
	 * them are left out.
	 * @throws MalformedCsvException naming the line of a quote that is never closed or is
	 * followed by stray text
	 */
	public static List<Line> read(String text, char separator) {
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int lineNumber = 1;
		int recordStart = 1;
		boolean quoted = false;
		boolean afterQuote = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
					afterQuote = true;
				}
				else {
					if (c == '\n') {
						lineNumber++;
					}
					cell.append(c);
				}
			}
			else if (c == separator) {
				cells.add(cell.toString().strip());
				cell.setLength(0);
				afterQuote = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString().strip());
				cell.setLength(0);
				afterQuote = false;
				add(lines, recordStart, cells);
				cells = new ArrayList<>();
				lineNumber++;
				recordStart = lineNumber;
			}
			else if (c == '"' && cell.toString().isBlank() && !afterQuote) {
				cell.setLength(0);
				quoted = true;
			}
			else if (afterQuote && !Character.isWhitespace(c)) {
				throw new MalformedCsvException(lineNumber);
			}
			else {
				cell.append(c);
			}
			i++;
		}
		if (quoted) {
			throw new MalformedCsvException(recordStart);
		}
		cells.add(cell.toString().strip());
		add(lines, recordStart, cells);
		return lines;
	}

	private static void add(List<Line> lines, int number, List<String> cells) {
		if (cells.stream().anyMatch((value) -> !value.isEmpty())) {
			lines.add(new Line(number, List.copyOf(cells)));
		}
	}

	/**
	 * One record and the line of the file it starts on, counting the header as line 1.
	 */
	public record Line(int number, List<String> cells) {

		public String cell(int index) {
			return (index >= 0 && index < this.cells.size()) ? this.cells.get(index) : "";
		}

	}

	public static class MalformedCsvException extends RuntimeException {

		private final int line;

		MalformedCsvException(int line) {
			super("Unbalanced quotes from line " + line);
			this.line = line;
		}

		public int getLine() {
			return this.line;
		}

	}

}
