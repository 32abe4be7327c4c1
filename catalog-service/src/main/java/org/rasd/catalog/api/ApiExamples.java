package org.rasd.catalog.api;

/** The bodies the API description shows: one Arabic article, its event and the incident it reports. */
final class ApiExamples {

    static final String ARTICLE = """
            {"id": "ff79ace5958ccf79", "url": "https://www.hespress.com/securite/2024/02/13/hammouchi-delegation-espagnole",
             "source": "hespress.com", "title": "حموشي يستقبل المفوض العام للاستعلامات الإسبانية بالرباط", "publishedAt": "2024-02-13",
             "language": "ar",
             "text": "الرباط – استقبل المدير العام للأمن الوطني ومراقبة التراب الوطني، عبد اللطيف حموشي، يوم الثلاثاء 13 فبراير 2024 بمقر المديرية العامة بالرباط، المفوض العام للاستعلامات بالشرطة الوطنية الإسبانية، الذي حل على رأس وفد أمني رفيع.",
             "countries": [{"code": "MA", "mentions": 2}, {"code": "ES", "mentions": 1}],
             "themes": [{"code": "INTELLIGENCE_SHARING", "score": 0.75}, {"code": "TERRORISM", "score": 0.5}],
             "events": [{"id": "98785d1734a72209", "type": "HOST", "cameo": "043",
                         "subject": {"country": "MA", "name": "عبد اللطيف حموشي", "role": "المدير العام للأمن الوطني ومراقبة التراب الوطني"},
                         "partners": [{"country": "ES", "name": null, "role": null}], "organisations": [],
                         "date": {"value": "2024-02-13", "precision": "day"}, "location": {"country": "MA", "place": "الرباط"},
                         "themes": [], "evidence": {"start": 0, "end": 223}, "confidence": 0.9}],
             "extractor": "rasd-rules/0.5.0", "revision": "10cc246f4f46ab7a"}""";

    static final String EVENT = """
            {"id": "98785d1734a72209", "version": 1, "articleId": "ff79ace5958ccf79",
             "articleTitle": "حموشي يستقبل المفوض العام للاستعلامات الإسبانية بالرباط", "publishedAt": "2024-02-13",
             "acceptedAt": "2024-02-13T11:02:37.418Z", "countries": ["MA", "ES"], "type": "HOST", "cameo": "043",
             "subject": {"country": "MA", "name": "عبد اللطيف حموشي", "role": "المدير العام للأمن الوطني ومراقبة التراب الوطني"},
             "partners": [{"country": "ES", "name": null, "role": null}], "organisations": [],
             "date": {"value": "2024-02-13", "precision": "day"}, "location": {"country": "MA", "place": "الرباط"}, "themes": [],
             "evidence": {"start": 0, "end": 223}, "confidence": 0.9, "incidentId": "b7cac9b9-9c72-37b1-926b-fb19d80be06c"}""";

    static final String INCIDENT = """
            {"incident": {"id": "b7cac9b9-9c72-37b1-926b-fb19d80be06c", "version": 3, "type": "HOST", "actor": "MA", "partners": ["ES"],
                          "dateFrom": "2024-02-13", "dateTo": "2024-02-13", "place": "MA",
                          "firstSeen": "2024-02-13T11:02:38.904117Z", "lastSeen": "2024-02-14T07:45:12.330561Z",
                          "mentions": 2, "articles": 2, "sources": 2, "themes": [], "dates": ["2024-02-13"], "places": ["MA"]},
             "mentions": [
               {"eventId": "98785d1734a72209", "type": "HOST", "date": {"value": "2024-02-13", "precision": "day"},
                "location": {"country": "MA", "place": "الرباط"}, "articleId": "ff79ace5958ccf79",
                "title": "حموشي يستقبل المفوض العام للاستعلامات الإسبانية بالرباط", "source": "hespress.com",
                "url": "https://www.hespress.com/securite/2024/02/13/hammouchi-delegation-espagnole", "publishedAt": "2024-02-13",
                "evidence": "الرباط – استقبل المدير العام للأمن الوطني ومراقبة التراب الوطني، عبد اللطيف حموشي، يوم الثلاثاء 13 فبراير 2024 بمقر المديرية العامة بالرباط، المفوض العام للاستعلامات بالشرطة الوطنية الإسبانية، الذي حل على رأس وفد أمني رفيع."},
               {"eventId": "3c1f0a9be2d47765", "type": "MEET", "date": {"value": "2024-02-13", "precision": "day"},
                "location": null, "articleId": "0b5e27c1d9a3f412", "title": "مباحثات مغربية إسبانية حول مكافحة الإرهاب",
                "source": "le360.com", "url": "https://ar.le360.ma/politique/2024/02/13/hammouchi", "publishedAt": "2024-02-13T14:15+01:00",
                "evidence": "وأجرى حموشي مباحثات مع المسؤول الإسباني حول تبادل المعلومات في مجال مكافحة الإرهاب."}]}""";

    static final String EVENTS_CSV = """
            id,version,incidentId,articleId,type,actor,partners,countries,themes,date,precision,place,publishedAt,articleTitle
            98785d1734a72209,1,b7cac9b9-9c72-37b1-926b-fb19d80be06c,ff79ace5958ccf79,HOST,MA,ES,MA;ES,,2024-02-13,day,MA,2024-02-13,حموشي يستقبل المفوض العام للاستعلامات الإسبانية بالرباط
            """;

    static final String INCIDENTS_CSV = """
            id,version,type,actor,partners,dateFrom,dateTo,place,mentions,articles,sources,themes,dates,places,firstSeen,lastSeen
            b7cac9b9-9c72-37b1-926b-fb19d80be06c,3,HOST,MA,ES,2024-02-13,2024-02-13,MA,2,2,2,,2024-02-13,MA,2024-02-13T11:02:38.904117Z,2024-02-14T07:45:12.330561Z
            """;

    private ApiExamples() {
    }
}
