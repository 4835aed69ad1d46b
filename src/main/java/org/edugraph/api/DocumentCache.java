package org.edugraph.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Documents parsed and validated once, kept by their text: a frontend sends the same few
 * documents again and again with other variables, and parsing and validating one cost
 * more CPU than answering it (issue 18's profile of a school's page). Bounded by the total
 * length of the texts kept ({@code edugraph.graphql.document-cache}); a document longer than
 * a tenth of that is parsed each time. What is kept was checked by every limit before it was
 * kept (the limits that run on the parsed document run inside the parsing); a document that
 * a limit refused is not kept.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final long largest;

    DocumentCache(long characters) {
        this.largest = characters / 10;
        this.documents = Caffeine.newBuilder().maximumWeight(characters)
                .weigher((String text, PreparsedDocumentEntry entry) -> text.length()).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        if (text.length() > largest) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry cached = documents.getIfPresent(text);
        if (cached == null) {
            cached = parseAndValidate.apply(input);
            documents.put(text, cached);
        }
        return CompletableFuture.completedFuture(cached);
    }

    /** How many documents are kept now. */
    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
