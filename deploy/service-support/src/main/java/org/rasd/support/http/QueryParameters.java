package org.rasd.support.http;

import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading optional query parameters the same way in every service. */
public final class QueryParameters {

    /** The value without surrounding space, or null when absent or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A country as an ISO 3166-1 alpha-2 code, upper-cased, or null when absent.
     *
     * @throws jakarta.ws.rs.WebApplicationException a 400 problem naming the parameter, for anything else
     */
    public static String country(String name, String value) {
        String code = optional(value);
        if (code == null) {
            return null;
        }
        if (!code.matches("[A-Za-z]{2}")) {
            throw Problems.problem(Response.Status.BAD_REQUEST, name + " must be an ISO 3166-1 alpha-2 code such as MA.");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /** A code of the taxonomy (a theme, an event type), upper-cased, or null when absent. */
    public static String code(String value) {
        String code = optional(value);
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    /**
     * A day as {@code YYYY-MM-DD}, or null when absent.
     *
     * @throws jakarta.ws.rs.WebApplicationException a 400 problem naming the parameter, for anything else
     */
    public static String day(String name, String value) {
        String day = optional(value);
        if (day == null) {
            return null;
        }
        try {
            return LocalDate.parse(day).toString();
        } catch (DateTimeParseException notADay) {
            throw Problems.problem(Response.Status.BAD_REQUEST, name + " must be a day such as 2024-02-13.");
        }
    }

    /**
     * A page size.
     *
     * @throws jakarta.ws.rs.WebApplicationException a 400 problem, for one below 1 or above {@code max}
     */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "limit must be between 1 and " + max + ".");
        }
        return limit;
    }

    private QueryParameters() {
    }
}
