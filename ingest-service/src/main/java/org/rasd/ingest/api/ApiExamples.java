package org.rasd.ingest.api;

/** The bodies the API description shows: an Arabic article, as posted and as answered. */
final class ApiExamples {

    static final String TEXT = "الرباط - استقبل المدير العام للأمن الوطني عبد اللطيف حموشي، يوم الثلاثاء 13 فبراير 2024 "
            + "بالرباط، وفدا أمنيا إسبانيا في إطار التعاون الشرطي ومكافحة الإرهاب.";

    static final String PAGE = "<html><body><article><p>" + TEXT + "</p></article></body></html>";

    private static final String URL = "https://www.hespress.com/securite/2024/02/13/hammouchi-delegation-espagnole";
    private static final String TITLE = "حموشي يستقبل وفدا أمنيا إسبانيا بالرباط";
    private static final String ID = "ff79ace5958ccf79";
    private static final String LOCATION = "http://localhost:8081/api/articles/" + ID;

    static final String SUBMISSION = "{\"url\": \"" + URL + "\", \"title\": \"" + TITLE + "\", \"publishedAt\": \"2024-02-13\", "
            + "\"source\": \"hespress.com\", \"text\": \"" + TEXT + "\"}";

    static final String ANSWER = "{\"id\": \"" + ID + "\", \"status\": \"accepted\", \"location\": \"" + LOCATION + "\", "
            + "\"title\": \"" + TITLE + "\", \"language\": \"ar\", \"events\": 1, \"countries\": [\"MA\", \"ES\"]}";

    /**
     * Two lines, the second without any text, as a Markdown block for a description: the value of an example object
     * is read as JSON, which keeps the first line only.
     */
    static final String BATCH = "\n```\n{\"url\": \"" + URL + "\", \"title\": \"" + TITLE + "\", \"text\": \"" + TEXT + "\"}\n"
            + "{\"url\": \"https://alakhbar.info/node/51234\", \"title\": \"وزير الداخلية الموريتاني يستقبل نظيره الإسباني\"}\n```";

    /** The answer to {@link #BATCH}, as a Markdown block too. */
    static final String LINE_ANSWERS = "\n```\n{\"line\": 1, \"id\": \"" + ID + "\", \"status\": \"duplicate\", \"location\": \"" + LOCATION
            + "\", \"title\": \"" + TITLE + "\", \"language\": \"ar\", \"events\": 1, \"countries\": [\"MA\", \"ES\"]}\n"
            + "{\"line\": 2, \"problem\": {\"type\": \"about:blank\", \"title\": \"Unprocessable Content\", \"status\": 422, "
            + "\"detail\": \"The article has no text: give \\\"text\\\" or \\\"html\\\" with the article in it.\"}}\n```";

    private ApiExamples() {
    }
}
