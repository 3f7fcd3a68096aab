package io.github.camelanaplan.client.tenant;

/** The authenticated user ({@code GET /users/me}). */
public record User(String id, String email, String firstName, String lastName, Boolean active, String customerId,
                   String lastLoginDate) {
}
