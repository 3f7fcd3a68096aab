package io.github.camelanaplan.client.alm;

/** The body of {@code PUT /models/{m}/onlineStatus}: {@code online} or {@code offline}. */
record OnlineStatusBody(String status) {
}
