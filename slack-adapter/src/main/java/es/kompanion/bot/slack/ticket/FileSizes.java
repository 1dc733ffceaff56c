package es.kompanion.bot.slack.ticket;

/**
 * File sizes as people read them.
 */
final class FileSizes {

	private static final long MEBIBYTE = 1024 * 1024;

	private FileSizes() {
	}

	/**
	 * A size limit in whole megabytes, such as {@code 20 MB}, rounded down so that the
	 * limit shown is never more than the real one.
	 */
	static String megabytes(long bytes) {
		return Math.max(1, bytes / MEBIBYTE) + " MB";
	}

}
