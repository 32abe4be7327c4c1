package org.rasd.ingest.feeds;

/**
 * An item of a feed as the feed gives it.
 *
 * @param key         what the item is known by from one poll to the next: its guid (RSS) or id (Atom), else its link
 * @param link        its web page, resolved against the feed's URL; null when it has none
 * @param title       null when it has none
 * @param publishedAt an ISO instant, null when the feed dates it not
 * @param content     its text (full content, else summary or description), null when it has none
 * @param htmlContent whether that text is HTML (RSS descriptions are, by custom) or plain text
 */
record FeedItem(String key, String link, String title, String publishedAt, String content, boolean htmlContent) {
}
