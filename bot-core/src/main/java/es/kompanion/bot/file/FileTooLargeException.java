package es.kompanion.bot.file;

import java.io.IOException;

/**
 * A file was longer than the store was told to take.
 */
public class FileTooLargeException extends IOException {

	public FileTooLargeException(long maxBytes) {
		super("File is larger than " + maxBytes + " bytes");
	}

}
