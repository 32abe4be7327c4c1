package org.rasd.analytics.series;

/**
 * A country's partner and the acts they share.
 *
 * @param incidents acts of the two together, either one acting
 * @param asActor   those the country acted in, with this partner
 * @param asPartner those the partner acted in, with the country
 * @param events    the reports of all those acts
 */
public record Partner(String code, long incidents, long asActor, long asPartner, long events) {
}
