package org.rasd.ingest.feeds;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedParserTest {

    private static final String BASE = "https://news.example.ma";

    /** A fixture as the feed server serves it, with its URL in place of {@code ${base}}. */
    private static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("${base}", BASE)
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rssItemsAreKeyedByGuidElseLinkAndCarryTheirFullestText() {
        List<FeedItem> items = FeedParser.items(fixture("rss.xml"), "application/rss+xml", BASE + "/rss.xml");

        assertEquals(List.of("rasd-test-visit-2", BASE + "/pages/visit-1.html", BASE + "/pages/empty.html"),
                items.stream().map(FeedItem::key).toList(), "a guid, a permalink guid, then the link of an item without one");
        FeedItem madrid = items.get(0);
        assertEquals(BASE + "/pages/visit-2.html", madrid.link());
        assertEquals("اجتماع أمني مغربي إسباني في مدريد", madrid.title());
        assertEquals("2024-03-05T09:30:00Z", madrid.publishedAt());
        assertEquals("اجتماع تنسيقي في مدريد حول مراقبة الحدود البحرية.", madrid.content());
        assertTrue(madrid.htmlContent(), "RSS descriptions are HTML by custom");

        FeedItem rabat = items.get(1);
        assertTrue(rabat.content().contains("لبحث مكافحة الإرهاب"), "content:encoded is preferred to the description: " + rabat.content());
        assertNull(items.get(2).content());
    }

    @Test
    void atomEntriesAreKeyedByIdWithRelativeLinksResolvedAgainstTheFeed() {
        List<FeedItem> items = FeedParser.items(fixture("atom.xml"), "application/atom+xml", BASE + "/feeds/atom.xml");

        assertEquals(List.of("urn:rasd:test:atom:gone", "urn:rasd:test:atom:call", "urn:rasd:test:atom:tangier"),
                items.stream().map(FeedItem::key).toList());
        FeedItem tangier = items.get(2);
        assertEquals(BASE + "/feeds/pages/meeting-atom.html", tangier.link());
        assertEquals("2024-04-09T11:00:00Z", tangier.publishedAt(), "published, not updated");
        assertEquals("اجتماع اللجنة المشتركة للهجرة في طنجة.", tangier.content());
        assertFalse(tangier.htmlContent(), "an Atom summary of type text is plain text");

        FeedItem call = items.get(1);
        assertEquals("2024-04-10T07:45:00Z", call.publishedAt(), "updated, when nothing says published");
        assertTrue(call.htmlContent());
        assertTrue(call.content().startsWith("<p>أجرى وزير الداخلية المغربي"), call.content());
    }

    @Test
    void aFeedIsReadInTheCharsetItsXmlDeclarationNames() {
        List<FeedItem> items = FeedParser.items(fixture("parser/windows-1256.xml"), "application/xml", "https://news.example.ma/rss");

        assertEquals("لقاء أمني في الرباط", items.get(0).title());
        assertEquals("https://news.example.ma/2024/02/13/rabat", items.get(0).link());
        assertEquals("2024-02-13T09:00:00Z", items.get(0).publishedAt());
    }

    @Test
    void aDocumentWithADoctypeIsRefusedSoNoExternalEntityIsRead() {
        NotAFeedException refused = assertThrows(NotAFeedException.class,
                () -> FeedParser.items(fixture("parser/xxe.xml"), "application/xml", BASE + "/rss"));
        assertTrue(refused.getMessage().toLowerCase().contains("doctype"), refused.getMessage());
    }

    @Test
    void whatIsNoFeedIsRefused() {
        assertThrows(NotAFeedException.class, () -> FeedParser.items(fixture("pages/visit-1.html"), "text/html", BASE));
        assertThrows(NotAFeedException.class, () -> FeedParser.items("<rss><channel>".getBytes(StandardCharsets.UTF_8), null, BASE));
        assertThrows(NotAFeedException.class, () -> FeedParser.items(new byte[0], null, BASE));
    }
}
