package org.edugraph.api;

import graphql.ErrorClassification;

/** The classifications of the contract, carried as {@code extensions.classification}. */
public enum ErrorKind implements ErrorClassification {
    BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, INTERNAL_ERROR
}
