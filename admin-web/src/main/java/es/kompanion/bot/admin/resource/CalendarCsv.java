package es.kompanion.bot.admin.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a calendar file as spreadsheets save CSV (RFC 4180): fields separated by commas
 * or, as Spanish Excel writes them, semicolons; double quotes around fields holding a
 * separator, a quote or a line break; any line ending.
 */
final class CalendarCsv {

	private CalendarCsv() {
	}

	/**
	 * The separator of the first line: a semicolon when it has more of them than commas.
	 */
	static char separatorOf(String text) {
		int end = text.indexOf('\n');
		String first = (end >= 0) ? text.substring(0, end) : text;
		long semicolons = first.chars().filter((c) -> c == ';').count();
		long commas = first.chars().filter((c) -> c == ',').count();
		return (semicolons > commas) ? ';' : ',';
	}

	/**
	 * The records of the text, each with the line it starts on (the first line is 1);
	 * records with only empty fields are left out. Fields are trimmed.
	 * @throws MalformedCsvException with the line of a quote never closed, or followed by
	 * other text before the separator
	 */
	static List<Record> read(String text, char separator) {
		List<Record> records = new ArrayList<>();
		Reader reader = new Reader(text, separator);
		while (reader.hasMore()) {
			Record record = reader.next();
			if (record.cells().stream().anyMatch((cell) -> !cell.isEmpty())) {
				records.add(record);
			}
		}
		return records;
	}

	/**
	 * One record of the file.
	 *
	 * @param line where it starts, the header being line 1
	 * @param cells its fields, trimmed
	 */
	record Record(int line, List<String> cells) {

		String cell(int index) {
			return (index >= 0 && index < this.cells.size()) ? this.cells.get(index) : "";
		}

	}

	static class MalformedCsvException extends RuntimeException {

		private final int line;

		MalformedCsvException(int line) {
			super("Unbalanced quotes at line " + line);
			this.line = line;
		}

		int getLine() {
			return this.line;
		}

	}

	private static final class Reader {

		private final String text;

		private final char separator;

		private int index;

		private int line = 1;

		Reader(String text, char separator) {
			this.text = text;
			this.separator = separator;
		}

		boolean hasMore() {
			return this.index < this.text.length();
		}

		Record next() {
			int start = this.line;
			List<String> cells = new ArrayList<>();
			while (true) {
				cells.add(field().strip());
				if (!hasMore()) {
					return new Record(start, cells);
				}
				char c = this.text.charAt(this.index++);
				if (c == this.separator) {
					continue;
				}
				if (c == '\r' && hasMore() && this.text.charAt(this.index) == '\n') {
					this.index++;
				}
				this.line++;
				return new Record(start, cells);
			}
		}

		/**
		 * Reads one field up to, not including, the next separator or line end.
		 */
		private String field() {
			int quoteLine = this.line;
			int begin = this.index;
			while (begin < this.text.length() && this.text.charAt(begin) == ' ') {
				begin++;
			}
			if (begin < this.text.length() && this.text.charAt(begin) == '"') {
				this.index = begin + 1;
				return quoted(quoteLine);
			}
			StringBuilder value = new StringBuilder();
			while (hasMore() && !endsField(this.text.charAt(this.index))) {
				value.append(this.text.charAt(this.index++));
			}
			return value.toString();
		}

		private String quoted(int quoteLine) {
			StringBuilder value = new StringBuilder();
			while (true) {
				if (!hasMore()) {
					throw new MalformedCsvException(quoteLine);
				}
				char c = this.text.charAt(this.index++);
				if (c == '"') {
					if (hasMore() && this.text.charAt(this.index) == '"') {
						value.append('"');
						this.index++;
						continue;
					}
					skipSpaces();
					if (hasMore() && !endsField(this.text.charAt(this.index))) {
						throw new MalformedCsvException(this.line);
					}
					return value.toString();
				}
				if (c == '\n' || (c == '\r' && !(hasMore() && this.text.charAt(this.index) == '\n'))) {
					this.line++;
				}
				value.append(c);
			}
		}

		private void skipSpaces() {
			while (hasMore() && this.text.charAt(this.index) == ' ') {
				this.index++;
			}
		}

		private boolean endsField(char c) {
			return c == this.separator || c == '\n' || c == '\r';
		}

	}

}
