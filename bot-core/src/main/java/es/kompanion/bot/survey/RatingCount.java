package es.kompanion.bot.survey;

/**
 * How many surveys gave one rating.
 *
 * @param rating from 1 to 5
 * @param surveys how many surveys gave it
 */
public record RatingCount(int rating, long surveys) {

}
