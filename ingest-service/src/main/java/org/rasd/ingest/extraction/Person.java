package org.rasd.ingest.extraction;

/** An official from {@code persons.tsv}: who is named without a country still belongs to one. */
record Person(String country, String role) {
}
