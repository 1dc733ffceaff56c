package es.kompanion.bot.ticket;

/**
 * How far a file has come.
 */
public enum AttachmentStatus {

	/** Announced by the channel; its bytes are not stored yet. */
	PENDING,

	/** Its bytes are in the file store. */
	STORED,

	/** It could not be fetched; the reason is kept. */
	FAILED

}
