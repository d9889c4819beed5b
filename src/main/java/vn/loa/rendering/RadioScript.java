package vn.loa.rendering;

/**
 * What an announcer reads: the script, how many spoken words (syllables) it has and how
 * long it takes at the words-per-minute it was estimated for.
 *
 * @param text the read-aloud script, NFC, one paragraph per line
 * @param words space-separated words (Vietnamese syllables) in the script
 * @param wordsPerMinute the reading pace the estimate used
 * @param seconds estimated reading time, rounded up
 */
public record RadioScript(String text, int words, int wordsPerMinute, int seconds) {
}
