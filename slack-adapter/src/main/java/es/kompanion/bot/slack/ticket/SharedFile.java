package es.kompanion.bot.slack.ticket;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.File;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import es.kompanion.bot.ticket.IncomingFile;

/**
 * A file shared with a message, as the message event describes it. Slack may leave out
 * what it does not show to the app; what is missing is made up, so that the file is still
 * judged and fetched by its id.
 *
 * @param id Slack's file id, such as {@code F0123456}
 * @param size in bytes, or -1 when Slack does not say
 */
record SharedFile(String id, String name, String mediaType, long size) {

	private static final String UNKNOWN_TYPE = "application/octet-stream";

	static List<SharedFile> allOf(@Nullable List<File> files) {
		List<SharedFile> shared = new ArrayList<>();
		if (files == null) {
			return shared;
		}
		for (File file : files) {
			if (StringUtils.hasText(file.getId())) {
				shared.add(of(file));
			}
		}
		return shared;
	}

	private static SharedFile of(File file) {
		String name = StringUtils.hasText(file.getName()) ? file.getName()
				: StringUtils.hasText(file.getTitle()) ? file.getTitle() : file.getId();
		String mediaType = StringUtils.hasText(file.getMimetype()) ? file.getMimetype() : UNKNOWN_TYPE;
		long size = (file.getSize() != null) ? file.getSize() : -1;
		return new SharedFile(file.getId(), name, mediaType, size);
	}

	/**
	 * Whether Slack left out both the name and the type, so that only {@code files.info}
	 * can tell what the file is.
	 */
	boolean isUndescribed() {
		return this.name.equals(this.id) && UNKNOWN_TYPE.equals(this.mediaType);
	}

	IncomingFile toIncoming() {
		return new IncomingFile(this.id, this.name, this.mediaType, this.size);
	}

}
