package es.kompanion.bot.delivery;

/**
 * Sends the outbox messages of one topic to a platform. Implemented by the adapters.
 *
 * <p>
 * A handler is called outside any transaction, at least once per message, in order within
 * a stream. It returns normally when the platform took the message and throws
 * {@link DeliveryException} otherwise; any other exception counts as a retryable failure.
 *
 * @param <T> the payload type, a record serialized as JSON in the outbox
 */
public interface OutboxHandler<T> {

	String topic();

	Class<T> payloadType();

	void deliver(T payload) throws DeliveryException;

}
