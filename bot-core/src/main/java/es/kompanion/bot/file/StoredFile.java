package es.kompanion.bot.file;

/**
 * A file the store holds.
 *
 * @param key what the store knows it by
 * @param size its length in bytes
 * @param sha256 its SHA-256 digest, in hex
 */
public record StoredFile(String key, long size, String sha256) {

}
