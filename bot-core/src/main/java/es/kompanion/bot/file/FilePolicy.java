package es.kompanion.bot.file;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which files the firm takes: documents, spreadsheets, images and archives an accountant
 * works with, up to a size. Anything that can run on a computer is refused.
 */
public class FilePolicy {

	private static final Set<String> EXTENSIONS = Set.of("pdf", "jpg", "jpeg", "png", "gif", "webp", "heic", "heif",
			"tif", "tiff", "bmp", "txt", "csv", "doc", "docx", "xls", "xlsx", "odt", "ods", "odp", "ppt", "pptx", "rtf",
			"xml", "xsig", "zip", "eml", "msg", "mp4", "mov", "ogg", "oga", "m4a", "mp3");

	private static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "image/gif",
			"image/webp", "image/heic", "image/heif", "image/tiff", "image/bmp", "text/plain", "text/csv",
			"application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/rtf",
			"application/xml", "text/xml", "application/zip", "message/rfc822", "video/mp4", "video/quicktime",
			"audio/ogg", "audio/mpeg", "audio/mp4");

	private final long maxBytes;

	public FilePolicy(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * What to make of a file before fetching it.
	 * @param size its size, or a negative number if the platform did not say
	 */
	public Verdict judge(@Nullable String fileName, @Nullable String mediaType, long size) {
		if (!isAllowedType(fileName, mediaType)) {
			return Verdict.TYPE_REFUSED;
		}
		return (size > this.maxBytes) ? Verdict.TOO_LARGE : Verdict.ACCEPTED;
	}

	/**
	 * A file is taken if its name ends in a known extension, or, for a name without one,
	 * if its media type is known. A known media type does not save a name such as
	 * {@code invoice.pdf.exe}.
	 */
	boolean isAllowedType(@Nullable String fileName, @Nullable String mediaType) {
		String extension = extension(fileName);
		if (extension != null) {
			return EXTENSIONS.contains(extension);
		}
		if (fileName != null && !fileName.strip().equals(fileName.replaceAll("[.\\s]+$", ""))) {
			return false;
		}
		return mediaType != null && MEDIA_TYPES.contains(mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip());
	}

	private static @Nullable String extension(@Nullable String fileName) {
		if (fileName == null) {
			return null;
		}
		// Windows drops trailing dots and spaces: "invoice.exe." is an .exe there.
		fileName = fileName.replaceAll("[.\\s]+$", "");
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return null;
		}
		return fileName.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
	}

	public enum Verdict {

		ACCEPTED, TOO_LARGE, TYPE_REFUSED

	}

}
