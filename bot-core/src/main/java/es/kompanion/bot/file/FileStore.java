package es.kompanion.bot.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps the bytes of files under keys of its own choosing. The default keeps them in a
 * local folder; another implementation can replace it as a bean.
 */
public interface FileStore {

	/**
	 * Copies the stream into the store.
	 * @param content read to its end, not closed
	 * @param maxBytes a stream longer than this is refused and nothing is kept
	 * @throws FileTooLargeException if the stream is longer than allowed
	 */
	StoredFile save(InputStream content, long maxBytes) throws IOException;

	/**
	 * Opens a stored file; the caller closes the stream.
	 * @throws java.io.FileNotFoundException if there is nothing under the key
	 */
	InputStream open(String key) throws IOException;

}
