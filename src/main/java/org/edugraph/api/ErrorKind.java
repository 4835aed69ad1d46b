package org.edugraph.api;

import graphql.ErrorClassification;

/** The classifications of the contract, carried as {@code extensions.classification}. */
public enum ErrorKind implements ErrorClassification {
    BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), INTERNAL_ERROR(500);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    /** The HTTP status of a refusal of this kind outside a GraphQL response (an upload, an export). */
    public org.springframework.http.HttpStatus httpStatus() {
        return org.springframework.http.HttpStatus.valueOf(status);
    }
}
