package es.kompanion.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.ticket.IncomingFile;

/**
 * Sorts the files of an input before anything is fetched: those the firm takes go on, the
 * others are explained to the client at once, so nothing fails later behind their back.
 */
@Component
class InboundFiles {

	private static final long MEGABYTE = 1024 * 1024;

	private final FilePolicy policy;

	private final Replies replies;

	InboundFiles(FilePolicy policy, Replies replies) {
		this.policy = policy;
		this.replies = replies;
	}

	/**
	 * @param notices where the explanations for refused files go
	 * @return the files that are taken
	 */
	List<IncomingFile> accept(Inbound inbound, Locale locale, List<Reply> notices) {
		List<IncomingFile> accepted = new ArrayList<>();
		List<String> tooLarge = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		int index = 0;
		for (InboundFile file : inbound.files()) {
			index++;
			String given = (file.name() != null) ? clean(file.name()) : "";
			String name = !given.isBlank() ? given : defaultName(file.mediaType(), index);
			String type = (file.mediaType() != null) ? file.mediaType() : "application/octet-stream";
			switch (this.policy.judge(name, type, file.size())) {
				case ACCEPTED -> accepted.add(new IncomingFile(file.ref(), name, type, file.size()));
				case TOO_LARGE -> tooLarge.add(name);
				case TYPE_REFUSED -> refused.add(name);
			}
		}
		if (!tooLarge.isEmpty()) {
			notices.add(this.replies.notice(locale, "files.too-large", String.join(", ", tooLarge),
					String.valueOf(this.policy.maxBytes() / MEGABYTE)));
		}
		if (!refused.isEmpty()) {
			notices.add(this.replies.notice(locale, "files.type-refused", String.join(", ", refused)));
		}
		return accepted;
	}

	/**
	 * A file name without control or direction-changing characters, which could make
	 * {@code invoice\u202Efdp.exe} read as a PDF wherever the name is shown.
	 */
	static String clean(String name) {
		return name.replaceAll("[\\p{Cc}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
	}

	private static String defaultName(@org.jspecify.annotations.Nullable String mediaType, int index) {
		String extension = switch (String.valueOf(mediaType)) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "application/pdf" -> ".pdf";
			case "video/mp4" -> ".mp4";
			case "audio/ogg" -> ".ogg";
			default -> "";
		};
		return "archivo-" + index + extension;
	}

}
