package es.kompanion.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.ticket.IncomingFile;

/**
 * Files a client sent before the ticket or message they belong to exists, kept in a
 * conversation variable between two inputs.
 */
final class DraftFiles {

	/** A file per record, its fields apart: characters no file name or id holds. */
	private static final String RECORD = "\u001e";

	private static final String FIELD = "\u001f";

	/** More than this many waiting files are not kept; Telegram albums hold ten. */
	static final int MAX = 20;

	private DraftFiles() {
	}

	static List<IncomingFile> read(Map<String, String> vars, String key) {
		return decode(vars.get(key));
	}

	/**
	 * Adds files to those kept under the key.
	 * @return how many are kept now
	 */
	static int add(Map<String, String> vars, String key, List<IncomingFile> files) {
		List<IncomingFile> kept = new ArrayList<>(read(vars, key));
		for (IncomingFile file : files) {
			if (kept.size() < MAX) {
				kept.add(file);
			}
		}
		if (!kept.isEmpty()) {
			vars.put(key, encode(kept));
		}
		return kept.size();
	}

	static String encode(List<IncomingFile> files) {
		List<String> records = new ArrayList<>();
		for (IncomingFile file : files) {
			records.add(clean(file.sourceRef()) + FIELD + clean(file.fileName()) + FIELD + clean(file.mediaType())
					+ FIELD + file.size());
		}
		return String.join(RECORD, records);
	}

	static List<IncomingFile> decode(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<IncomingFile> files = new ArrayList<>();
		for (String record : text.split(RECORD)) {
			String[] fields = record.split(FIELD, -1);
			if (fields.length == 4) {
				files.add(new IncomingFile(fields[0], fields[1], fields[2], Long.parseLong(fields[3])));
			}
		}
		return files;
	}

	private static String clean(String value) {
		return value.replace(RECORD, " ").replace(FIELD, " ");
	}

}
