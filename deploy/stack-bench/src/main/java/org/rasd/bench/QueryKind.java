package org.rasd.bench;

/** A kind of request the analytics read API answers, as the dashboard and API users send them. */
enum QueryKind {
    COUNTRIES("countries", "/api/aggregates/countries"),
    THEMES("themes", "/api/aggregates/themes"),
    COUNTRY("country", "/api/aggregates/countries/{code}"),
    PARTNERS("partners", "/api/aggregates/countries/{code}/partners"),
    PARTNERS_YEAR("partners year", "/api/aggregates/countries/{code}/partners?year={year}"),
    SERIES("series month", "/api/series?interval=month&from&to, 12-36 months"),
    SERIES_COUNTRY("series country", "/api/series?interval=month&country, 12-36 months"),
    SERIES_PAIR("series pair", "/api/series?interval=month&country&partner, 12-36 months"),
    SERIES_THEME("series theme", "/api/series?interval=month&theme, 12-36 months"),
    SERIES_TYPE("series type", "/api/series?interval=month&type, 12-36 months"),
    SERIES_DAYS("series day 90", "/api/series?interval=day over 90 days"),
    SERIES_WEEKS("series week 2y", "/api/series?interval=week over 2 years"),
    /** Newer than some builds: skipped where the service answers 404. */
    RECENT("recent", "/api/aggregates/recent?days=7|30|365&by=date|seen", "/api/aggregates/recent?days=7&by=date");

    private final String label;
    private final String shape;
    /** For a kind a build may not have: a request whose 404 says it is absent; null for the others. */
    private final String probe;

    QueryKind(String label, String shape) {
        this(label, shape, null);
    }

    QueryKind(String label, String shape, String probe) {
        this.label = label;
        this.shape = shape;
        this.probe = probe;
    }

    String label() {
        return label;
    }

    /** What its requests look like, for the legend. */
    String shape() {
        return shape;
    }

    boolean optional() {
        return probe != null;
    }

    String probe() {
        return probe;
    }
}
