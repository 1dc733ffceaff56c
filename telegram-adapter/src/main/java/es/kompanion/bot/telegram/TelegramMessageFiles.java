package es.kompanion.bot.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.Audio;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Video;
import org.telegram.telegrambots.meta.api.objects.Voice;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import es.kompanion.bot.conversation.InboundFile;

/**
 * Reads the files of a Telegram message: a photo (its largest size), a document, a video,
 * an audio file or a voice note. Telegram names only documents and some videos and audio
 * files; the others get a name made of their kind and the message id, with the extension
 * of their media type, so staff see what they are.
 */
final class TelegramMessageFiles {

	private static final String PHOTO_TYPE = "image/jpeg";

	private static final Map<String, String> EXTENSIONS = Map.of("video/mp4", "mp4", "video/quicktime", "mov",
			"audio/mpeg", "mp3", "audio/ogg", "ogg", "audio/mp4", "m4a", "audio/x-m4a", "m4a");

	private static final Comparator<PhotoSize> BY_SIZE = Comparator
		.comparingLong((PhotoSize photo) -> size(photo.getFileSize()))
		.thenComparingLong((photo) -> area(photo));

	private TelegramMessageFiles() {
	}

	static List<InboundFile> of(Message message) {
		String messageId = String.valueOf(message.getMessageId());
		List<InboundFile> files = new ArrayList<>();
		PhotoSize photo = largest(message.getPhoto());
		if (photo != null) {
			files.add(new InboundFile(photo.getFileId(), "photo_" + messageId + ".jpg", PHOTO_TYPE,
					size(photo.getFileSize())));
		}
		Document document = message.getDocument();
		if (document != null) {
			files.add(new InboundFile(document.getFileId(), document.getFileName(), document.getMimeType(),
					size(document.getFileSize())));
		}
		Video video = message.getVideo();
		if (video != null) {
			files.add(file(video.getFileId(), video.getFileName(), video.getMimeType(), video.getFileSize(),
					"video_" + messageId, "video/mp4"));
		}
		Audio audio = message.getAudio();
		if (audio != null) {
			files.add(file(audio.getFileId(), audio.getFileName(), audio.getMimeType(), audio.getFileSize(),
					"audio_" + messageId, "audio/mpeg"));
		}
		Voice voice = message.getVoice();
		if (voice != null) {
			files.add(file(voice.getFileId(), null, voice.getMimeType(), voice.getFileSize(), "voice_" + messageId,
					"audio/ogg"));
		}
		return files;
	}

	/**
	 * The size Telegram sent in the most bytes or, when it does not say, in the most
	 * pixels.
	 */
	static @Nullable PhotoSize largest(@Nullable List<PhotoSize> sizes) {
		if (sizes == null || sizes.isEmpty()) {
			return null;
		}
		return sizes.stream().max(BY_SIZE).orElseThrow();
	}

	private static InboundFile file(String fileId, @Nullable String fileName, @Nullable String mediaType,
			@Nullable Number size, String stem, String defaultType) {
		String type = (mediaType != null && !mediaType.isBlank()) ? mediaType : defaultType;
		String name = (fileName != null && !fileName.isBlank()) ? fileName : stem + extension(type);
		return new InboundFile(fileId, name, type, size(size));
	}

	/**
	 * The extension for a media type, dot included, or nothing for a type not known here:
	 * the file policy then judges the file by its type.
	 */
	private static String extension(String mediaType) {
		String extension = EXTENSIONS.get(mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip());
		return (extension != null) ? "." + extension : "";
	}

	private static long area(PhotoSize photo) {
		long width = (photo.getWidth() != null) ? photo.getWidth() : 0;
		long height = (photo.getHeight() != null) ? photo.getHeight() : 0;
		return width * height;
	}

	private static long size(@Nullable Number size) {
		return (size != null) ? size.longValue() : -1;
	}

}
