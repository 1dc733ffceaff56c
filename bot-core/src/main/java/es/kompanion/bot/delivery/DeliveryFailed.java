package es.kompanion.bot.delivery;

/**
 * An outbox message was given up: the platform refused it for good, or it failed too
 * often.
 *
 * @param topic the outbox topic
 * @param payload the message's payload, of the topic handler's payload type
 * @param reason what the platform said, free of personal data
 */
public record DeliveryFailed(String topic, Object payload, String reason) {

}
