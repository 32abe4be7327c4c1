package org.rasd.support.http;

import jakarta.ws.rs.core.Response;

/** Reading optional query parameters the same way in every service. */
public final class QueryParameters {

    /** The value without surrounding space, or null when absent or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A day as {@code YYYY-MM-DD}, or null when absent.
     *
     * @throws jakarta.ws.rs.WebApplicationException a 400 problem naming the parameter, for anything else
     */
    public static String day(String name, String value) {
        String day = optional(value);
        if (day != null && !day.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw Problems.problem(Response.Status.BAD_REQUEST, name + " must be a day such as 2024-02-13.");
        }
        return day;
    }

    private QueryParameters() {
    }
}
